package dev.daca.functions.home;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code actuate} function and the JSON subtype of its outcome. */
@Configuration(proxyBeanMethods = false)
class HomeConfiguration {

	@Bean(HomePlan.FUNCTION)
	Actuate actuate(SentenceEmbeddings embeddings, LanguageModelEscalations escalations, DecisionMeter meter) {
		return new Actuate(embeddings, escalations.forFunction(HomePlan.FUNCTION), meter);
	}

	@Bean
	Module homeOutcomeModule() {
		return new SimpleModule("actuate-outcome").registerSubtypes(new NamedType(HomePlan.class, HomePlan.FUNCTION));
	}
}
