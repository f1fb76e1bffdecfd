package dev.daca.functions.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code daca.llm.*}: how the functions use the language model. The endpoint itself (base URL, API key) keeps
 * Spring AI's property names, see {@link OpenAiEndpoint}.
 * @param enabled {@code true}/{@code false} to force; unset: on when an API key or a base URL is configured
 * @param model the model name sent in every request (also recorded as the deciding method)
 * @param timeout deadline of one call, HTTP and parsing included
 * @param maxInputChars budget of one call: system + user message + schema instructions, in characters (~4 per token)
 * @param callsPerMinute budget shared by all functions (a token bucket refilled continuously)
 * @param nativeStructuredOutput send the schema as {@code response_format: json_schema} instead of as instructions
 * @param escalateBelow per function name, escalate outcomes whose confidence is below this; key {@code default}
 * applies to the others; 1.0 means always ask, 0.0 never
 * @param tools per function name, the tools the model may call while answering it (by name, as offered by the
 * configured tool providers, e.g. external MCP servers: {@code daca.mcp.client.servers.*}); none by default
 */
@ConfigurationProperties("daca.llm")
@Validated
record LanguageModelProperties(Boolean enabled, @DefaultValue("gpt-4o-mini") @NotBlank String model,
		@DefaultValue("PT8S") @NotNull Duration timeout, @DefaultValue("12000") @Positive int maxInputChars,
		@DefaultValue("60") @Positive int callsPerMinute, @DefaultValue("false") boolean nativeStructuredOutput,
		@DefaultValue Map<String, @NotNull @DecimalMin("0.0") @DecimalMax("1.0") Double> escalateBelow,
		@DefaultValue Map<String, List<@NotBlank String>> tools) {

	static final double DEFAULT_ESCALATE_BELOW = 0.90;

	LanguageModelProperties {
		escalateBelow = escalateBelow == null ? Map.of() : Map.copyOf(escalateBelow);
		tools = tools == null ? Map.of() : Map.copyOf(tools);
	}

	/** The names of the tools the model may call for one function (none unless configured). */
	List<String> tools(String function) {
		return List.copyOf(tools.getOrDefault(function, List.of()));
	}

	/** The threshold for one function: its own, else {@code default}, else 0.90. */
	double escalateBelow(String function) {
		Double own = escalateBelow.get(function);
		if (own != null) {
			return own;
		}
		return escalateBelow.getOrDefault("default", DEFAULT_ESCALATE_BELOW);
	}
}
