package dev.daca.functions.moderation;

import java.util.List;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.InvalidInput;

/**
 * The structured answer asked of the language model: one label of the seven, a severity, the model's confidence
 * and a one-sentence rationale. Anything else is malformed, and the embedded verdict stands.
 */
record ModerationAnswer(String label, String severity, double confidence, String rationale) {

	ModerationVerdict toVerdict(ModerationVerdict embedded, DecidedBy decidedBy) {
		Label decided = Label.of(label);
		InvalidInput.require(confidence >= 0 && confidence <= 1, "confidence must be in [0,1]");
		Severity level = decided == Label.SAFE ? Severity.NONE : Severity.of(severity);
		String why = rationale == null || rationale.isBlank() ? "language model: " + decided.json() : rationale;
		return new ModerationVerdict(embedded.postId(), decided, List.of(new LabelScore(decided, confidence)), level,
				confidence, why, embedded.evidence(), decidedBy);
	}
}
