package dev.daca.functions.moderation;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.EngineKind;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.ScriptedLanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassifyTests {

	private static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	private static final Classify CLASSIFY = new Classify(EMBEDDINGS, LanguageModelEscalation.none(),
			DecisionMeter.global());

	@Test
	void hatefulAndBenignTextsGetDifferentLabelsWithConfidencesInRange() {
		ModerationVerdict hateful = CLASSIFY.apply(new Post("p1", "u1",
				"People of that faith are liars by nature and should be thrown out of the country"));
		ModerationVerdict benign = CLASSIFY.apply(new Post("p2", null,
				"Lovely walk along the river with the dog this morning, the ducks were out"));
		assertThat(hateful.label()).isNotEqualTo(benign.label());
		assertThat(benign.label()).isEqualTo(Label.SAFE);
		assertThat(hateful.label()).isNotEqualTo(Label.SAFE);
		assertThat(hateful.confidence()).isBetween(0.0, 1.0);
		assertThat(benign.confidence()).isBetween(0.0, 1.0);
		assertThat(benign.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		assertThat(benign.labels()).hasSize(Label.values().length);
		assertThat(benign.labels().get(0).label()).isEqualTo(Label.SAFE);
		assertThat(benign.labels().stream().mapToDouble(LabelScore::score).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat(benign.proposedAction().kind()).isEqualTo("allow-post");
		assertThat(hateful.proposedAction().kind()).isIn("hide-post", "remove-post");
		assertThat(hateful.proposedAction().parameters()).containsEntry("postId", "p1");
	}

	@Test
	void blankOrOversizedTextIsRejected() {
		assertThatThrownBy(() -> new Post("p1", "u1", "   ")).isInstanceOf(InvalidInput.class).hasMessageContaining(
				"text");
		assertThatThrownBy(() -> new Post("p1", "u1", null)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> new Post(" ", "u1", "hello")).isInstanceOf(InvalidInput.class).hasMessageContaining(
				"postId");
		assertThatThrownBy(() -> new Post("p1", "u1", "a".repeat(Post.MAX_TEXT + 1))).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> CLASSIFY.apply(null)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void explicitThreatIsDecidedByTheRulesWithTheMatchedSpan() {
		String text = "Delete that video or I will kill you";
		ModerationVerdict verdict = CLASSIFY.apply(new Post("p3", "u3", text));
		assertThat(verdict.label()).isEqualTo(Label.VIOLENCE);
		assertThat(verdict.severity()).isEqualTo(Severity.CRITICAL);
		assertThat(verdict.decidedBy().tier()).isEqualTo(Tier.RULES);
		assertThat(verdict.proposedAction().kind()).isEqualTo("remove-post");
		Evidence span = verdict.evidence().get(0);
		assertThat(text.substring(span.start(), span.end())).isEqualTo(span.matched()).isEqualTo("I will kill you");
	}

	@Test
	void aJokingOrQuotedThreatIsLeftToTheEmbeddingRung() {
		ModerationVerdict verdict = CLASSIFY.apply(new Post("p4", "u4", "I will kill you at Mario Kart tonight lol"));
		assertThat(verdict.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
	}

	@Test
	void explicitSelfHarmStatementIsSelfHarmAndFlaggedForAPerson() {
		ModerationVerdict verdict = CLASSIFY.apply(new Post("p5", "u5", "i'm going to kill myself tonight lol"));
		assertThat(verdict.label()).isEqualTo(Label.SELF_HARM);
		assertThat(verdict.flags()).containsExactly("self-harm");
		assertThat(verdict.risk()).isEqualTo(dev.daca.functions.engine.Risk.CRITICAL);
	}

	@Test
	void llmAnswerIsUsedWhenTheEmbeddedVerdictIsUnsure() {
		AtomicInteger calls = new AtomicInteger();
		Classify withLlm = new Classify(EMBEDDINGS, new LanguageModelEscalation(answering(calls,
				new ModerationAnswer("harassment", "medium", 0.93, "insult aimed at a person")), 1.01),
				DecisionMeter.global());
		ModerationVerdict verdict = withLlm.apply(new Post("p6", "u6", "honestly your take is a bit much"));
		assertThat(calls).hasValue(1);
		assertThat(verdict.decidedBy().engine()).isEqualTo(EngineKind.LLM);
		assertThat(verdict.decidedBy().method()).isEqualTo("fake-model");
		assertThat(verdict.label()).isEqualTo(Label.HARASSMENT);
		assertThat(verdict.confidence()).isEqualTo(0.93);
	}

	@Test
	void failingLlmKeepsTheEmbeddedVerdictWithTheReason() {
		LanguageModel failing = ScriptedLanguageModel.timingOut();
		Classify withLlm = new Classify(EMBEDDINGS, new LanguageModelEscalation(failing, 1.01),
				DecisionMeter.global());
		ModerationVerdict verdict = withLlm.apply(new Post("p7", "u7", "Sunny morning at the farmers market"));
		assertThat(verdict.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		assertThat(verdict.decidedBy().fallback()).isEqualTo("llm timeout: no answer within PT5S");
		assertThat(verdict.label()).isEqualTo(Label.SAFE);
	}

	@Test
	void malformedLlmAnswerFallsBack() {
		Classify withLlm = new Classify(EMBEDDINGS, new LanguageModelEscalation(answering(new AtomicInteger(),
				new ModerationAnswer("rude", "medium", 0.9, "?")), 1.01), DecisionMeter.global());
		ModerationVerdict verdict = withLlm.apply(new Post("p8", "u8", "Sunny morning at the farmers market"));
		assertThat(verdict.decidedBy().fallback()).startsWith("llm malformed");
	}

	@Test
	void selfHarmIsNeverSentToTheLlm() {
		AtomicInteger calls = new AtomicInteger();
		Classify withLlm = new Classify(EMBEDDINGS, new LanguageModelEscalation(answering(calls,
				new ModerationAnswer("safe", "none", 0.99, "fine")), 1.01), DecisionMeter.global());
		ModerationVerdict verdict = withLlm.apply(new Post("p9", "u9",
				"I feel like such a weight on everyone, they'd be better off if I was gone"));
		assertThat(verdict.label()).isEqualTo(Label.SELF_HARM);
		assertThat(calls).hasValue(0);
	}

	@Test
	void verdictRoundTripsAsAnOutcome() throws Exception {
		ObjectMapper json = JsonMapper.builder().addModule(new ModerationConfiguration().moderationJacksonModule())
			.build();
		ModerationVerdict verdict = CLASSIFY.apply(new Post("p10", "u10",
				"I cannot do this anymore, I just want everything to stop for good"));
		String text = json.writeValueAsString(verdict);
		assertThat(text).contains("\"function\":\"classify\"").contains("\"label\":\"self-harm\"");
		Outcome back = json.readValue(text, Outcome.class);
		assertThat(back).isEqualTo(verdict);
		assertThat(back.flags()).containsExactly("self-harm");
	}

	@Test
	void labelsReadAndWriteTheirJsonNames() {
		assertThat(Label.SELF_HARM.json()).isEqualTo("self-harm");
		assertThat(Label.of("self-harm")).isEqualTo(Label.SELF_HARM);
		assertThatThrownBy(() -> Label.of("rude")).isInstanceOf(InvalidInput.class);
	}

	private static LanguageModel answering(AtomicInteger calls, ModerationAnswer answer) {
		return new LanguageModel() {
			@Override
			public <A> A answer(String instructions, String input, Class<A> answerType) {
				calls.incrementAndGet();
				return answerType.cast(answer);
			}

			@Override
			public String name() {
				return "fake-model";
			}
		};
	}
}
