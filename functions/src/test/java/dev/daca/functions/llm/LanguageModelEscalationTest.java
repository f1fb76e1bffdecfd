package dev.daca.functions.llm;

import java.time.Duration;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.llm.OpenAiCompatibleServer.Reply;
import dev.daca.functions.llm.SpringAiLanguageModelTest.Sentiment;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole rung as a function uses it: the real adapter behind {@link LanguageModelEscalation}, on the wire. */
class LanguageModelEscalationTest {

	/** A function's outcome: a label, its confidence and who decided it. */
	record Mood(String label, double confidence, DecidedBy decidedBy) {

		Mood fellBack(String reason) {
			return new Mood(label, confidence, decidedBy.fellBackBecause(reason));
		}
	}

	static final Mood EMBEDDED = new Mood("neutral", 0.55, DecidedBy.embedding("nearest-exemplar"));

	@RegisterExtension
	final OpenAiCompatibleServer server = new OpenAiCompatibleServer();

	final LanguageModelEscalation rung = new LanguageModelEscalation(SpringAiLanguageModel.openAi(
			new OpenAiEndpoint(server.baseUrl(), "k", null),
			SpringAiLanguageModelTest.properties(Duration.ofMillis(400), 12_000, 60, false), ObservationRegistry.NOOP),
			0.90);

	private Mood escalate(Mood embedded) {
		if (!rung.wants(embedded.confidence())) {
			return embedded;
		}
		return rung.ask("Classify the mood.", "The delivery was late again.", Sentiment.class,
				answer -> new Mood(answer.label(), answer.confidence(), rung.decidedBy()), embedded::fellBack);
	}

	@Test
	void aConfidentEmbeddedOutcomeIsNotEscalated() {
		Mood confident = new Mood("negative", 0.95, DecidedBy.embedding("nearest-exemplar"));

		assertThat(escalate(confident)).isSameAs(confident);
		assertThat(server.received()).isEmpty();
	}

	@Test
	void aGoodAnswerIsMappedAndAttributedToTheModel() {
		server.then(Reply.answer("{\"label\":\"negative\",\"confidence\":0.88,\"reason\":\"late again\"}"));

		Mood mood = escalate(EMBEDDED);

		assertThat(mood.label()).isEqualTo("negative");
		assertThat(mood.decidedBy().tier()).isEqualTo(Tier.LLM);
		assertThat(mood.decidedBy().method()).isEqualTo("gpt-4o-mini");
		assertThat(mood.decidedBy().fallback()).isNull();
	}

	@Test
	void aTimeoutKeepsTheEmbeddedOutcomeAndSaysWhy() {
		server.then(Reply.slow("{\"label\":\"negative\",\"confidence\":0.9,\"reason\":\"x\"}", Duration.ofSeconds(10)));

		assertThat(escalate(EMBEDDED)).isEqualTo(EMBEDDED.fellBack("llm timeout: no answer within PT0.4S"));
	}

	@Test
	void aMalformedAnswerKeepsTheEmbeddedOutcomeAndSaysWhy() {
		server.then(Reply.answer("Sorry, I cannot help with that."));

		Mood mood = escalate(EMBEDDED);

		assertThat(mood.label()).isEqualTo("neutral");
		assertThat(mood.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		assertThat(mood.decidedBy().fallback()).startsWith("llm malformed: ");
	}

	@Test
	void anHttpErrorKeepsTheEmbeddedOutcomeAndSaysWhy() {
		server.then(Reply.status(429));

		assertThat(escalate(EMBEDDED).decidedBy().fallback()).startsWith("llm error: ").contains("429");
	}
}
