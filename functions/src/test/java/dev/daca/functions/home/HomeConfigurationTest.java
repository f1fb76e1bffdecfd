package dev.daca.functions.home;

import com.fasterxml.jackson.databind.Module;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class HomeConfigurationTest {

	@Test
	void wiresTheActuateFunctionAndItsOutcomeType() {
		new ApplicationContextRunner().withUserConfiguration(HomeConfiguration.class)
			.withBean(SentenceEmbeddings.class, () -> ActuateTest.EMBEDDINGS)
			.withBean(LanguageModelEscalations.class, LanguageModelEscalations::none)
			.withBean(DecisionMeter.class, DecisionMeter::global)
			.run(context -> {
				assertThat(context).hasBean("actuate");
				assertThat(context.getBean("actuate")).isInstanceOf(Actuate.class);
				assertThat(context.getBeansOfType(Module.class)).hasSize(1);
			});
	}
}
