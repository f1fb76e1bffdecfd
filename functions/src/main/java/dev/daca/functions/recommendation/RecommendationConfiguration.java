package dev.daca.functions.recommendation;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code recommend} function and the JSON subtype of its outcome. */
@Configuration(proxyBeanMethods = false)
class RecommendationConfiguration {

	@Bean(Recommendations.FUNCTION)
	Recommend recommend(SentenceEmbeddings embeddings, LanguageModelEscalations escalations, DecisionMeter meter,
			ObjectProvider<RecommendationPartner> partners) {
		return new Recommend(embeddings, escalations.forFunction(Recommendations.FUNCTION), meter,
				partners.orderedStream().toList());
	}

	@Bean
	Module recommendationOutcomeModule() {
		return new SimpleModule("recommend-outcome")
			.registerSubtypes(new NamedType(Recommendations.class, Recommendations.FUNCTION));
	}
}
