package dev.daca.functions.llm;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.EngineKind;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.llm.OpenAiCompatibleServer.Reply;
import dev.daca.functions.moderation.Classify;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real function on the LLM rung, end to end on the wire: {@code classify} with the Spring AI adapter talking to a
 * local OpenAI-compatible server. A good answer decides; a malformed or slow one leaves the embedded verdict, and the
 * verdict says why.
 */
class ClassifyOverTheWireTest {

	static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	@RegisterExtension
	final OpenAiCompatibleServer server = new OpenAiCompatibleServer();

	/** Escalate everything (threshold 1.0), so each test reaches the model whatever the embedded confidence. */
	Classify classify() {
		return new Classify(EMBEDDINGS, new LanguageModelEscalation(SpringAiLanguageModel.openAi(
				new OpenAiEndpoint(server.baseUrl(), "k", null),
				SpringAiLanguageModelTest.properties(Duration.ofMillis(1500), 12_000, 60, false),
				ObservationRegistry.NOOP), 1.0), DecisionMeter.global());
	}

	final Post post = new Post("p-1", "u-1", "You are such a clown, nobody wants you on this forum");

	@Test
	void aGoodAnswerDecidesAndIsAttributedToTheModel() {
		server.then(Reply.answer("{\"label\":\"harassment\",\"severity\":\"medium\",\"confidence\":0.86,"
				+ "\"rationale\":\"insults aimed at one person\"}"));

		ModerationVerdict verdict = classify().apply(post);

		assertThat(verdict.decidedBy().engine()).isEqualTo(EngineKind.LLM);
		assertThat(verdict.decidedBy().tier()).isEqualTo(Tier.LLM);
		assertThat(verdict.label().json()).isEqualTo("harassment");
		assertThat(verdict.confidence()).isEqualTo(0.86);
		assertThat(server.received()).hasSize(1);
		assertThat(server.received().get(0).body().toString()).contains(post.text());
	}

	@Test
	void aMalformedAnswerFallsBackToTheEmbeddedVerdictAndSaysSo() {
		server.then(Reply.answer("I think this is probably harassment?"));

		ModerationVerdict verdict = classify().apply(post);

		assertThat(verdict.decidedBy().engine()).isEqualTo(EngineKind.EMBEDDED);
		assertThat(verdict.decidedBy().fallback()).startsWith("llm malformed");
		assertThat(verdict.confidence()).isBetween(0.0, 1.0);
	}

	@Test
	void aSlowAnswerFallsBackAtTheDeadline() {
		server.then(Reply.slow("{\"label\":\"safe\",\"severity\":\"none\",\"confidence\":0.9,\"rationale\":\"x\"}",
				Duration.ofSeconds(20)));

		ModerationVerdict verdict = classify().apply(post);

		assertThat(verdict.decidedBy().engine()).isEqualTo(EngineKind.EMBEDDED);
		assertThat(verdict.decidedBy().fallback()).startsWith("llm timeout");
	}
}
