package dev.daca.hitl.decision;

import java.time.Instant;

import dev.daca.functions.review.ProposedAction;

/**
 * A person decided a review request: what leaves the inbox as the {@code review.decided} CloudEvent (the bindings
 * put it on the topic; {@code decisionId} is the event id, so a re-send is recognisably the same event).
 * @param outcome approved, rejected or responded
 * @param approvedAction the action to carry out (the proposed one, or the reviewer's edit); null unless approved
 * @param approvedHash SHA-256 of the approved action: the dispatched action must hash to this
 * @param proposedHash SHA-256 of the action the agent proposed
 * @param edited whether the reviewer changed the action before approving
 */
public record ReviewDecided(String decisionId, String reviewId, String function, String subjectId, String outcome,
		String decidedBy, Instant decidedAt, String reason, String note, ProposedAction approvedAction,
		String approvedHash, String proposedHash, boolean edited) {
}
