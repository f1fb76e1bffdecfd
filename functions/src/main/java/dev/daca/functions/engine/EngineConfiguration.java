package dev.daca.functions.engine;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	@ConditionalOnMissingBean
	LanguageModelEscalations languageModelEscalations() {
		return LanguageModelEscalations.none();
	}
}
