package dev.daca.functions.triage;

import java.util.function.Function;

import com.fasterxml.jackson.databind.Module;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import static org.assertj.core.api.Assertions.assertThat;

class TriageConfigurationTest {

	@Test
	void wiresTheDiagnoseFunctionAndItsOutcomeType() {
		new ApplicationContextRunner().withBean(SentenceEmbeddings.class, () -> TriageTest.EMBEDDINGS)
			.withBean(LanguageModelEscalations.class, LanguageModelEscalations::none)
			.withBean(DecisionMeter.class, DecisionMeter::global)
			.withUserConfiguration(TriageConfiguration.class)
			.run(context -> {
				assertThat(context).hasSingleBean(Triage.class).hasBean("diagnose").hasSingleBean(Module.class);
				@SuppressWarnings("unchecked")
				Function<SymptomReport, TriageAssessment> diagnose = context.getBean("diagnose", Function.class);
				assertThat(diagnose.apply(SymptomReport.of("p", "runny nose and sneezing")).urgency())
					.isEqualTo(Urgency.SELF_CARE);
			});
	}
}
