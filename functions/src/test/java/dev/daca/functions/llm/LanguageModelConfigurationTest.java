package dev.daca.functions.llm;

import java.time.Duration;
import java.util.Map;

import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.llm.OpenAiCompatibleServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM beans exist only when an endpoint is configured, and the engine's default rung ({@code none()}) steps
 * aside for them. The two configuration classes are found by component scanning, engine first, as in the app.
 */
class LanguageModelConfigurationTest {

	@Configuration(proxyBeanMethods = false)
	@ComponentScan(basePackages = { "dev.daca.functions.engine", "dev.daca.functions.llm" },
			excludeFilters = @Filter(type = FilterType.REGEX, pattern = ".*Test.*"))
	static class ScannedFunctions {

	}

	/** A function's configuration: takes the rung by type, as the functions do. */
	@Configuration(proxyBeanMethods = false)
	static class AFunction {

		@Bean
		LanguageModelEscalation moderateRung(LanguageModelEscalations escalations) {
			return escalations.forFunction("moderate");
		}
	}

	/** The machine's own OPENAI_* variables must not leak into these tests. */
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(context -> context.getEnvironment()
			.getPropertySources()
			.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME))
		.withUserConfiguration(ScannedFunctions.class, AFunction.class);

	@RegisterExtension
	final OpenAiCompatibleServer server = new OpenAiCompatibleServer();

	@Test
	void withoutAnEndpointThereIsNoModelAndNoRung() {
		runner.run(context -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(LanguageModel.class);
			assertThat(context).doesNotHaveBean(LanguageModelProperties.class);
			assertThat(context.getBean(LanguageModelEscalations.class).forFunction("moderate").configured()).isFalse();
			assertThat(context.getBean(LanguageModelEscalation.class).configured()).isFalse();
		});
	}

	@Test
	void disabledExplicitlyEvenWithAKey() {
		runner.withPropertyValues("spring.ai.openai.api-key=sk-test", "daca.llm.enabled=false").run(context -> {
			assertThat(context).doesNotHaveBean(LanguageModel.class);
			assertThat(context.getBean(LanguageModelEscalations.class).forFunction("moderate").configured()).isFalse();
		});
	}

	@Test
	void withABaseUrlTheModelAndTheRungsExistAndACallWorks() {
		server.then(Reply.answer("{\"label\":\"negative\",\"confidence\":0.9,\"reason\":\"late\"}"));
		runner
			.withPropertyValues("spring.ai.openai.base-url=" + server.baseUrl(), "daca.llm.model=llama3.2",
					"daca.llm.timeout=PT3S", "daca.llm.escalate-below.triage=1.0",
					"daca.llm.escalate-below.default=0.75")
			.run(context -> {
				assertThat(context).hasNotFailed();
				LanguageModel model = context.getBean(LanguageModel.class);
				assertThat(model.name()).isEqualTo("llama3.2");
				LanguageModelEscalations escalations = context.getBean(LanguageModelEscalations.class);
				LanguageModelEscalation triage = escalations.forFunction("triage");
				assertThat(triage.configured()).isTrue();
				assertThat(triage.wants(0.99)).isTrue();
				assertThat(escalations.forFunction("moderate").wants(0.8)).isFalse();
				assertThat(escalations.forFunction("moderate").wants(0.7)).isTrue();
				assertThat(context.getBean(LanguageModelEscalation.class).configured()).isTrue();

				SpringAiLanguageModelTest.Sentiment answer = model.answer("Classify.", "Late again.",
						SpringAiLanguageModelTest.Sentiment.class);

				assertThat(answer.label()).isEqualTo("negative");
				assertThat(server.received()).hasSize(1);
				assertThat(server.received().get(0).authorization()).isNull();
				assertThat(server.received().get(0).body().path("model").asText()).isEqualTo("llama3.2");
			});
	}

	@Test
	void theOpenAiEnvironmentVariablesAreEnough() {
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addLast(variables(Map.of("OPENAI_API_KEY", "sk-from-env", "OPENAI_BASE_URL", server.baseUrl() + "/v1"))))
			.run(context -> {
				LanguageModelProperties properties = context.getBean(LanguageModelProperties.class);
				assertThat(properties.model()).isEqualTo("gpt-4o-mini");
				assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(8));
				assertThat(properties.escalateBelow("moderate")).isEqualTo(0.90);
				server.then(Reply.answer("{\"label\":\"positive\",\"confidence\":0.9,\"reason\":\"thanks\"}"));
				context.getBean(LanguageModel.class)
					.answer("Classify.", "Thanks!", SpringAiLanguageModelTest.Sentiment.class);
				assertThat(server.received().get(0).authorization()).isEqualTo("Bearer sk-from-env");
				assertThat(server.received().get(0).path()).isEqualTo("/v1/chat/completions");
			});
	}

	@Test
	void springAiAndDacaPropertiesAsEnvironmentVariables() {
		runner
			.withInitializer(context -> context.getEnvironment()
				.getPropertySources()
				.addLast(variables(Map.of("SPRING_AI_OPENAI_BASE_URL", server.baseUrl(), "DACA_LLM_MODEL", "qwen2.5",
						"DACA_LLM_CALLSPERMINUTE", "5", "DACA_LLM_ESCALATEBELOW_TRIAGE", "1.0"))))
			.run(context -> {
				LanguageModelProperties properties = context.getBean(LanguageModelProperties.class);
				assertThat(properties.model()).isEqualTo("qwen2.5");
				assertThat(properties.callsPerMinute()).isEqualTo(5);
				assertThat(properties.escalateBelow("triage")).isEqualTo(1.0);
				assertThat(context.getBean(LanguageModel.class).name()).isEqualTo("qwen2.5");
			});
	}

	private static SystemEnvironmentPropertySource variables(Map<String, Object> variables) {
		return new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables);
	}

	@Test
	void anInvalidThresholdFailsAtStart() {
		runner.withPropertyValues("spring.ai.openai.api-key=sk-test", "daca.llm.escalate-below.triage=1.5")
			.run(context -> assertThat(context).hasFailed());
	}
}
