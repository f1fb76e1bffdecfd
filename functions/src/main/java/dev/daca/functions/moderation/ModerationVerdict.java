package dev.daca.functions.moderation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ProposedAction;

/**
 * The {@code classify} outcome: what a post is ({@code label}, with every label's score best first), how harmful
 * ({@code severity}), how sure the engine is ({@code confidence}), why ({@code rationale}, {@code evidence}) and
 * which rung of the ladder decided ({@code decidedBy}).
 */
public record ModerationVerdict(String postId, Label label, List<LabelScore> labels, Severity severity,
		double confidence, String rationale, List<Evidence> evidence, DecidedBy decidedBy) implements Outcome {

	public static final String FUNCTION = "classify";

	public ModerationVerdict {
		InvalidInput.require(postId != null && !postId.isBlank(), "postId is required");
		InvalidInput.require(label != null, "label is required");
		InvalidInput.require(severity != null, "severity is required");
		InvalidInput.require(confidence >= 0 && confidence <= 1, "confidence must be in [0,1]");
		InvalidInput.require(rationale != null && !rationale.isBlank(), "rationale is required");
		InvalidInput.require(decidedBy != null, "decidedBy is required");
		InvalidInput.require(label != Label.SAFE || severity == Severity.NONE, "severity of a safe post must be none");
		labels = labels == null ? List.of() : List.copyOf(labels);
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

	public ModerationVerdict withDecidedBy(DecidedBy by) {
		return new ModerationVerdict(postId, label, labels, severity, confidence, rationale, evidence, by);
	}

	@Override
	public String function() {
		return FUNCTION;
	}

	@Override
	public String subjectId() {
		return postId;
	}

	@Override
	public Risk risk() {
		return severity.risk();
	}

	@Override
	public Set<String> flags() {
		return Set.of(label.json());
	}

	@Override
	public String summary() {
		return String.format(Locale.ROOT, "post %s: %s (severity %s, confidence %.2f, by %s)", postId, label.json(),
				severity.json(), confidence, decidedBy.tier().json());
	}

	@Override
	public ProposedAction proposedAction() {
		if (label == Label.SAFE) {
			return ProposedAction.of("allow-post", "Leave post " + postId + " up", Map.of("postId", postId,
					"label", label.json()));
		}
		boolean remove = severity == Severity.HIGH || severity == Severity.CRITICAL;
		return ProposedAction.of(remove ? "remove-post" : "hide-post",
				(remove ? "Remove" : "Hide") + " post " + postId + " as " + label.json(),
				Map.of("postId", postId, "label", label.json()));
	}
}
