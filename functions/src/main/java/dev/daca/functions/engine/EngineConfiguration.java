package dev.daca.functions.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/** What every function shares: the embedding model, the decision meter, the clock and the LLM rung. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

	@Bean
	SentenceEmbeddings sentenceEmbeddings() {
		return new SentenceEmbeddings();
	}

	@Bean
	DecisionMeter decisionMeter(ObjectProvider<MeterRegistry> registry) {
		return registry.getIfAvailable() != null ? new DecisionMeter(registry.getObject()) : DecisionMeter.global();
	}

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * No LLM rung: the fallback candidate, used wherever no other {@link LanguageModelEscalations} bean exists (the
	 * one {@code dev.daca.functions.llm} defines when an endpoint is configured). {@code @Fallback} rather than
	 * {@code @ConditionalOnMissingBean}: that condition depends on the order in which configuration classes are
	 * registered, and component scanning registers this class before the llm one.
	 */
	@Bean
	@Fallback
	LanguageModelEscalations noLanguageModelEscalations() {
		return LanguageModelEscalations.none();
	}
}
