package dev.daca.functions.moderation;

import dev.daca.functions.engine.InvalidInput;

/** One label with the engine's probability for it. */
public record LabelScore(Label label, double score) {

	public LabelScore {
		InvalidInput.require(label != null, "labels[].label is required");
		InvalidInput.require(score >= 0 && score <= 1, "labels[].score must be in [0,1]");
	}
}
