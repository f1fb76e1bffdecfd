package dev.daca.hitl.inbox;

/** Where a review request is in its life. */
public enum ReviewStatus {
	PENDING, CLAIMED, APPROVED, REJECTED, RESPONDED, EXPIRED
}
