package dev.daca.functions.llm;

import java.net.URI;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Where the OpenAI-compatible chat-completions endpoint is. Read with Spring AI's own property names, so that the
 * same configuration works with its starter: {@code spring.ai.openai.base-url} (else the {@code OPENAI_BASE_URL}
 * environment variable, else {@code https://api.openai.com}), {@code spring.ai.openai.api-key} (else
 * {@code OPENAI_API_KEY}; none for local servers), {@code spring.ai.openai.chat.completions-path} (else derived).
 * @param baseUrl scheme, host, port and optional path prefix
 * @param apiKey the bearer token, empty when the server needs none
 * @param completionsPath appended to {@code baseUrl}
 */
record OpenAiEndpoint(String baseUrl, String apiKey, String completionsPath) {

	static final String OPENAI = "https://api.openai.com";

	private static final Pattern VERSION_SEGMENT = Pattern.compile("v\\d+[a-z0-9]*");

	OpenAiEndpoint {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("spring.ai.openai.base-url must not be blank");
		}
		baseUrl = baseUrl.strip().replaceAll("/+$", "");
		apiKey = apiKey == null ? "" : apiKey.strip();
		if (completionsPath == null || completionsPath.isBlank()) {
			completionsPath = completionsPathFor(baseUrl);
		}
	}

	/** Whether anything points at an endpoint: an API key or a base URL is set. */
	static boolean configured(Environment environment) {
		return first(environment, "spring.ai.openai.api-key", "OPENAI_API_KEY") != null
				|| first(environment, "spring.ai.openai.base-url", "OPENAI_BASE_URL") != null;
	}

	static OpenAiEndpoint from(Environment environment) {
		String baseUrl = first(environment, "spring.ai.openai.base-url", "OPENAI_BASE_URL");
		return new OpenAiEndpoint(baseUrl == null ? OPENAI : baseUrl,
				first(environment, "spring.ai.openai.api-key", "OPENAI_API_KEY"),
				environment.getProperty("spring.ai.openai.chat.completions-path"));
	}

	/**
	 * Spring AI appends {@code /v1/chat/completions} to the base URL. A base URL that already names an API version
	 * ({@code http://localhost:11434/v1}, {@code .../v1beta/openai}, the OpenAI SDKs' {@code OPENAI_BASE_URL}
	 * convention) gets {@code /chat/completions} only.
	 */
	static String completionsPathFor(String baseUrl) {
		String path = URI.create(baseUrl).getPath();
		if (path != null) {
			for (String segment : path.split("/")) {
				if (VERSION_SEGMENT.matcher(segment).matches()) {
					return "/chat/completions";
				}
			}
		}
		return "/v1/chat/completions";
	}

	private static String first(Environment environment, String property, String variable) {
		for (String name : new String[] { property, variable }) {
			String value = environment.getProperty(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}
}
