package dev.daca.hitl.decision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recorded decision; at most one per review request (unique review_id). Also the outbox of review.decided. */
@Entity
@Table(name = "review_decision")
public class ReviewDecision {

	@Id
	@Column(name = "decision_id")
	private String decisionId;

	@Column(name = "review_id")
	private String reviewId;

	private String outcome;

	@Column(name = "decided_by")
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	private String reason;

	private String note;

	@Column(name = "proposed_action", columnDefinition = "text")
	private String proposedAction;

	@Column(name = "approved_action", columnDefinition = "text")
	private String approvedAction;

	@Column(name = "approved_hash")
	private String approvedHash;

	private boolean edited;

	@Column(name = "published_at")
	private Instant publishedAt;

	protected ReviewDecision() {
	}

	ReviewDecision(String decisionId, String reviewId, String outcome, String decidedBy, Instant decidedAt,
			String reason, String note, String proposedAction, String approvedAction, String approvedHash,
			boolean edited) {
		this.decisionId = decisionId;
		this.reviewId = reviewId;
		this.outcome = outcome;
		this.decidedBy = decidedBy;
		this.decidedAt = decidedAt;
		this.reason = reason;
		this.note = note;
		this.proposedAction = proposedAction;
		this.approvedAction = approvedAction;
		this.approvedHash = approvedHash;
		this.edited = edited;
	}

	void published(Instant at) {
		this.publishedAt = at;
	}

	public String decisionId() { return decisionId; }
	public String reviewId() { return reviewId; }
	public String outcome() { return outcome; }
	public String decidedBy() { return decidedBy; }
	public Instant decidedAt() { return decidedAt; }
	public String reason() { return reason; }
	public String note() { return note; }
	public String proposedAction() { return proposedAction; }
	public String approvedAction() { return approvedAction; }
	public String approvedHash() { return approvedHash; }
	public boolean edited() { return edited; }
	public Instant publishedAt() { return publishedAt; }
}
