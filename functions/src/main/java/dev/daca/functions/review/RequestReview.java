package dev.daca.functions.review;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.functions.engine.InvalidInput;

/**
 * The {@code request-review} function: any function's outcome in, a {@link ReviewRequest} out when the review policy
 * in force says a person must look, else {@link NoReview}. The policy is read on every call, so a changed policy
 * applies to the next outcome without a restart.
 */
public class RequestReview implements Function<Outcome, ReviewRouting> {

	private final ReviewPolicies policies;

	private final Clock clock;

	private final ObjectMapper json;

	public RequestReview(ReviewPolicies policies, Clock clock, ObjectMapper json) {
		this.policies = policies;
		this.clock = clock;
		this.json = json;
	}

	@Override
	public ReviewRouting apply(Outcome outcome) {
		InvalidInput.require(outcome != null, "an outcome is required");
		var rule = policies.current().ruleFor(outcome.function());
		if (rule.isEmpty()) {
			return new NoReview(outcome.function(), outcome.subjectId(), "no review rule for " + outcome.function());
		}
		List<String> reasons = rule.get().reasonsToReview(outcome);
		if (reasons.isEmpty()) {
			return new NoReview(outcome.function(), outcome.subjectId(), "no rule of the policy matched");
		}
		Instant now = clock.instant();
		ProposedAction action = outcome.proposedAction();
		return new ReviewRequest(reviewIdOf(outcome), outcome.function(), outcome.subjectId(), outcome.summary(),
				reasons, outcome.confidence(), outcome.risk(), Priority.forRisk(outcome.risk()),
				rule.get().candidateGroup(), action, action.sha256(), outcome, outcome.decidedBy(), now,
				now.plus(rule.get().deadline()), rule.get().onTimeout(), rule.get().bulkDecisionAllowed());
	}

	/** Same outcome, same id: a redelivered event does not open a second review. */
	private String reviewIdOf(Outcome outcome) {
		try {
			String key = outcome.function() + "|" + outcome.subjectId() + "|"
					+ ProposedAction.sha256(json.writeValueAsString(outcome));
			return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot serialise outcome of " + outcome.function(), ex);
		}
	}
}
