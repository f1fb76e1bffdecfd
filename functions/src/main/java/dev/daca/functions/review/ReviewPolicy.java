package dev.daca.functions.review;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;

/**
 * When a person must look at an outcome before it takes effect: one declarative {@link Rule} per function. A
 * function without a rule is never reviewed. The policy is data ({@code review-policy.yml}); {@link ReviewPolicies}
 * holds the one in force and swaps it at runtime.
 */
public record ReviewPolicy(Map<String, Rule> functions) {

	public ReviewPolicy {
		functions = functions == null ? Map.of() : new TreeMap<>(functions);
	}

	public Optional<Rule> ruleFor(String function) {
		return Optional.ofNullable(functions.get(function));
	}

	/**
	 * The rule for one function. Any trigger that matches sends the outcome to review: confidence below
	 * {@code belowConfidence}, risk at or above {@code atOrAboveRisk}, or one of {@code flags} raised.
	 * @param belowConfidence review when the engine is less sure than this; null: confidence never triggers
	 * @param atOrAboveRisk review from this risk up; null: risk never triggers
	 * @param flags review whenever the outcome raises one of these (labels, urgency, action kinds)
	 * @param deadline how long a reviewer has before the request escalates
	 * @param onTimeout the default action when nobody decides after escalation (e.g. hide-post, deny)
	 * @param bulkDecisionAllowed whether a reviewer may approve this function's requests in bulk
	 * @param candidateGroup who may decide (moderators, clinicians, homeowners, reviewers)
	 */
	public record Rule(Double belowConfidence, Risk atOrAboveRisk, Set<String> flags, Duration deadline,
			String onTimeout, boolean bulkDecisionAllowed, String candidateGroup) {

		public Rule {
			InvalidInput.require(belowConfidence == null || (belowConfidence >= 0 && belowConfidence <= 1),
					"belowConfidence must be in [0,1]");
			flags = flags == null ? Set.of() : new TreeSet<>(flags.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList());
			deadline = deadline == null ? Duration.ofHours(24) : deadline;
			InvalidInput.require(!deadline.isNegative() && !deadline.isZero(), "deadline must be positive");
			onTimeout = onTimeout == null || onTimeout.isBlank() ? "escalate" : onTimeout;
			candidateGroup = candidateGroup == null || candidateGroup.isBlank() ? "reviewers" : candidateGroup;
		}

		/** The reasons this rule sends the outcome to a person; empty when it does not. */
		public List<String> reasonsToReview(Outcome outcome) {
			List<String> reasons = new ArrayList<>();
			if (belowConfidence != null && outcome.confidence() < belowConfidence) {
				reasons.add(String.format(Locale.ROOT, "confidence %.2f below %.2f", outcome.confidence(),
						belowConfidence));
			}
			if (atOrAboveRisk != null && outcome.risk().atLeast(atOrAboveRisk)) {
				reasons.add("risk " + outcome.risk().json() + " at or above " + atOrAboveRisk.json());
			}
			for (String flag : outcome.flags()) {
				if (flags.contains(flag.toLowerCase(Locale.ROOT))) {
					reasons.add("flag " + flag + " always reviewed");
				}
			}
			return reasons;
		}
	}
}
