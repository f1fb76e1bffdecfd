package dev.daca.functions.recommendation;

import com.fasterxml.jackson.databind.Module;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RecommendationConfigurationTest {

	@Test
	void wiresTheRecommendFunctionAndItsOutcomeType() {
		new ApplicationContextRunner().withUserConfiguration(RecommendationConfiguration.class)
			.withBean(SentenceEmbeddings.class, () -> RecommendTest.EMBEDDINGS)
			.withBean(LanguageModelEscalations.class, LanguageModelEscalations::none)
			.withBean(DecisionMeter.class, DecisionMeter::global)
			.run(context -> {
				assertThat(context).hasBean("recommend");
				assertThat(context.getBean("recommend")).isInstanceOf(Recommend.class);
				assertThat(context.getBeansOfType(Module.class)).hasSize(1);
			});
	}
}
