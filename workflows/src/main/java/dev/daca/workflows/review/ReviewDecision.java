package dev.daca.workflows.review;

import java.util.Locale;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.review.ProposedAction;

/**
 * A person's decision on a review request, delivered to the waiting workflow as the external event
 * {@value #EVENT}.
 * @param decision approve or reject
 * @param reviewer who decided
 * @param actionHash the hash of the action the reviewer approved ({@link ProposedAction#sha256()}, shown by the inbox)
 * @param approvedAction the action as approved, when the reviewer edited it; null: the proposed action as is
 * @param note why, optional
 */
public record ReviewDecision(String decision, String reviewer, String actionHash, ProposedAction approvedAction,
		String note) {

	/** The external event a workflow waits for; raised by {@code POST /workflows/{id}/decision}. */
	public static final String EVENT = "ReviewDecided";

	public ReviewDecision {
		InvalidInput.require(decision != null && !decision.isBlank(), "decision is required (approve or reject)");
		decision = decision.trim().toLowerCase(Locale.ROOT);
		InvalidInput.require(decision.equals("approve") || decision.equals("reject"),
				"decision must be approve or reject, not " + decision);
		InvalidInput.require(reviewer != null && !reviewer.isBlank(), "reviewer is required");
		note = note == null ? "" : note;
	}

	public boolean approved() {
		return decision.equals("approve");
	}
}
