package dev.daca.functions.moderation;

import java.util.function.Function;

import com.fasterxml.jackson.databind.Module;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalations;
import dev.daca.functions.engine.SentenceEmbeddings;

import static org.assertj.core.api.Assertions.assertThat;

class ModerationConfigurationTests {

	@Test
	void registersTheClassifyFunctionAndItsJsonSubtype() {
		new ApplicationContextRunner().withUserConfiguration(ModerationConfiguration.class)
			.withBean(SentenceEmbeddings.class, SentenceEmbeddings::new)
			.withBean(DecisionMeter.class, DecisionMeter::global)
			.withBean(LanguageModelEscalations.class, LanguageModelEscalations::none)
			.run(context -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("classify")).isInstanceOf(Function.class).isInstanceOf(Classify.class);
				assertThat(context.getBeansOfType(Module.class)).hasSize(1);
			});
	}
}
