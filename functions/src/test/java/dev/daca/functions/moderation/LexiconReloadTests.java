package dev.daca.functions.moderation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The nightly lexicon refresh: a new rule decides at once, a broken source leaves the lexicon as it was. */
class LexiconReloadTests {

	static final String TERM_POST = "Buy zorblax tablets here, cheapest zorblax anywhere";

	@Test
	void aReloadedLexiconDecidesWithItsNewRuleWithoutANewInstance() throws IOException {
		Classify classify = new Classify(new SentenceEmbeddings(), LanguageModelEscalation.none(),
				DecisionMeter.global());
		assertThat(classify.apply(new Post("p1", null, TERM_POST)).decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		String shipped;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(Lexicon.RESOURCE)) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String refreshed = shipped + "certain\tspam\tlow\t0.97\tspam.zorblax\t\\bzorblax\\b\n";
		Classify.LexiconSize size = classify.reloadLexicon("refreshed.tsv", stream(refreshed));
		assertThat(size.rules()).isEqualTo(Lexicon.load().size().rules() + 1);
		ModerationVerdict verdict = classify.apply(new Post("p1", null, TERM_POST));
		assertThat(verdict.label()).isEqualTo(Label.SPAM);
		assertThat(verdict.decidedBy().tier()).isEqualTo(Tier.RULES);
		assertThat(verdict.rationale()).contains("spam.zorblax");

		assertThatThrownBy(() -> classify.reloadLexicon("broken.tsv", stream("certain\tspam\tonly-three\n")))
			.hasMessageContaining("broken.tsv line 1");
		assertThat(classify.apply(new Post("p1", null, TERM_POST)).decidedBy().tier()).isEqualTo(Tier.RULES);
	}

	static InputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
