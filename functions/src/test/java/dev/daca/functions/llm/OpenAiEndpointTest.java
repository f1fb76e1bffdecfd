package dev.daca.functions.llm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiEndpointTest {

	@ParameterizedTest
	@CsvSource({ "https://api.openai.com, /v1/chat/completions", "https://api.openai.com/v1, /chat/completions",
			"https://generativelanguage.googleapis.com/v1beta/openai, /chat/completions",
			"https://generativelanguage.googleapis.com/v1beta/openai/, /chat/completions",
			"http://localhost:11434, /v1/chat/completions", "http://localhost:11434/v1/, /chat/completions",
			"http://vllm:8000, /v1/chat/completions", "https://proxy.example.com/openai, /v1/chat/completions" })
	void springAiAppendsTheVersionOnlyWhenTheBaseUrlHasNone(String baseUrl, String path) {
		assertThat(new OpenAiEndpoint(baseUrl, null, null).completionsPath()).isEqualTo(path);
	}

	@ParameterizedTest
	@CsvSource({ "spring.ai.openai.api-key, sk-1", "OPENAI_API_KEY, sk-2", "spring.ai.openai.base-url, http://h:1",
			"OPENAI_BASE_URL, http://h:2/v1" })
	void aKeyOrABaseUrlUnderEitherNameConfiguresIt(String name, String value) {
		MockEnvironment environment = new MockEnvironment().withProperty(name, value);

		assertThat(OpenAiEndpoint.configured(environment)).isTrue();
		assertThat(OpenAiEndpoint.configured(new MockEnvironment().withProperty(name, " "))).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "spring.ai.openai.api-key", "OPENAI_API_KEY" })
	void aKeyAloneMeansOpenAi(String name) {
		OpenAiEndpoint endpoint = OpenAiEndpoint.from(new MockEnvironment().withProperty(name, "sk-1"));

		assertThat(endpoint).isEqualTo(new OpenAiEndpoint("https://api.openai.com", "sk-1", "/v1/chat/completions"));
	}

	@ParameterizedTest
	@CsvSource({ "http://ollama:11434/v1, /custom/chat, /custom/chat", "http://ollama:11434/v1, '', /chat/completions" })
	void springAisCompletionsPathWinsOverTheDerivedOne(String baseUrl, String configured, String path) {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.ai.openai.base-url", baseUrl)
			.withProperty("spring.ai.openai.chat.completions-path", configured);

		assertThat(OpenAiEndpoint.from(environment).completionsPath()).isEqualTo(path);
	}
}
