package dev.daca.functions.moderation;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

/** The {@code classify} function and the JSON subtype of its outcome. */
@Configuration(proxyBeanMethods = false)
class ModerationConfiguration {

	@Bean(ModerationVerdict.FUNCTION)
	Classify classify(SentenceEmbeddings embeddings, LanguageModelEscalations escalations, DecisionMeter meter) {
		return new Classify(embeddings, escalations.forFunction(ModerationVerdict.FUNCTION), meter);
	}

	/**
	 * Train the classifier while the app starts: runners finish before the app reports ready, so the first post does
	 * not wait seconds for the embedding model to load and the classifier to train.
	 */
	@Bean
	ApplicationRunner trainModerationClassifier(Classify classify) {
		return args -> classify.model();
	}

	@Bean
	Module moderationJacksonModule() {
		return new SimpleModule("moderation")
			.registerSubtypes(new NamedType(ModerationVerdict.class, ModerationVerdict.FUNCTION));
	}
}
