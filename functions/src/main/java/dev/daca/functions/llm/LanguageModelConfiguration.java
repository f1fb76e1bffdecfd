package dev.daca.functions.llm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.LanguageModelEscalations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The language-model rung, only when an endpoint is configured (see {@link OnLanguageModelEndpoint}); otherwise none
 * of these beans exist and every function decides on its embedded engine.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(LanguageModelConfiguration.OnLanguageModelEndpoint.class)
@EnableConfigurationProperties(LanguageModelProperties.class)
class LanguageModelConfiguration {

	@Bean
	SpringAiLanguageModel languageModel(LanguageModelProperties properties, Environment environment,
			ObjectProvider<ObservationRegistry> observations) {
		return SpringAiLanguageModel.openAi(OpenAiEndpoint.from(environment), properties,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	LanguageModelEscalations languageModelEscalations(SpringAiLanguageModel languageModel,
			LanguageModelProperties properties, ObjectProvider<ToolCallbackProvider> toolProviders) {
		FunctionTools tools = new FunctionTools(toolProviders.orderedStream().toList());
		Map<String, LanguageModelEscalation> byFunction = new ConcurrentHashMap<>();
		return function -> byFunction.computeIfAbsent(function, name -> new LanguageModelEscalation(
				withTools(languageModel, tools, name, properties.tools(name)), properties.escalateBelow(name)));
	}

	private static LanguageModel withTools(SpringAiLanguageModel model, FunctionTools tools, String function,
			List<String> names) {
		return names.isEmpty() ? model : model.withTools(tools.forFunction(function, names));
	}

	/**
	 * On when {@code daca.llm.enabled=true}, off when {@code false}; unset, on when an API key or a base URL is
	 * configured ({@code spring.ai.openai.api-key}/{@code base-url} or {@code OPENAI_API_KEY}/{@code OPENAI_BASE_URL}).
	 */
	static final class OnLanguageModelEndpoint extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			Environment environment = context.getEnvironment();
			Boolean enabled = Binder.get(environment).bind("daca.llm.enabled", Boolean.class).orElse(null);
			if (enabled != null) {
				return new ConditionOutcome(enabled, "daca.llm.enabled=" + enabled);
			}
			return OpenAiEndpoint.configured(environment)
					? ConditionOutcome.match("an OpenAI-compatible endpoint is configured")
					: ConditionOutcome.noMatch("no spring.ai.openai.api-key/base-url, OPENAI_API_KEY or OPENAI_BASE_URL");
		}
	}
}
