package dev.daca.functions.triage;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

/** The {@code diagnose} function and the JSON name of its outcome. */
@Configuration(proxyBeanMethods = false)
class TriageConfiguration {

	@Bean(TriageAssessment.FUNCTION)
	Triage diagnose(SentenceEmbeddings embeddings, LanguageModelEscalations escalations, DecisionMeter meter) {
		return new Triage(embeddings, escalations.forFunction(TriageAssessment.FUNCTION), meter);
	}

	@Bean
	Module triageOutcomeModule() {
		return new SimpleModule("triage-outcome")
			.registerSubtypes(new NamedType(TriageAssessment.class, TriageAssessment.FUNCTION));
	}
}
