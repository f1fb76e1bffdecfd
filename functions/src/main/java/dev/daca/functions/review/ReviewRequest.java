package dev.daca.functions.review;

import java.time.Instant;
import java.util.List;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.Risk;

/**
 * A person must look at an outcome before it takes effect.
 * @param reviewId stable for the same outcome (redelivery yields the same id, so storing it is idempotent)
 * @param function who asked: classify, diagnose, recommend or actuate
 * @param subjectId what it is about (post, patient, user, home)
 * @param summary what the agent concluded
 * @param reasons why a person must look: the policy triggers that matched
 * @param confidence the agent's confidence
 * @param risk the outcome's risk
 * @param priority how soon (raised by escalation)
 * @param candidateGroup who may decide
 * @param proposedAction what happens on approval
 * @param actionHash SHA-256 of the proposed action: the approval is bound to exactly this
 * @param outcome the whole outcome, for context
 * @param decidedBy the engine and rung that produced the outcome
 * @param requestedAt when the request was made
 * @param dueAt when it escalates if undecided
 * @param onTimeout the policy's default action when nobody decides
 * @param bulkDecisionAllowed whether it may be approved in bulk
 */
public record ReviewRequest(String reviewId, String function, String subjectId, String summary, List<String> reasons,
		double confidence, Risk risk, Priority priority, String candidateGroup, ProposedAction proposedAction,
		String actionHash, Outcome outcome, DecidedBy decidedBy, Instant requestedAt, Instant dueAt, String onTimeout,
		boolean bulkDecisionAllowed) implements ReviewRouting {

	public ReviewRequest {
		reasons = List.copyOf(reasons);
	}
}
