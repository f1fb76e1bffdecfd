package dev.daca.hitl.inbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.daca.functions.review.Priority;

/** A review request as the inbox keeps it. */
@Entity
@Table(name = "review_request")
public class ReviewItem {

	@Id
	@Column(name = "review_id")
	private String reviewId;

	@Column(name = "function_name")
	private String function;

	@Column(name = "subject_id")
	private String subjectId;

	private String summary;

	@Column(columnDefinition = "text")
	private String reasons;

	private double confidence;

	private String risk;

	private int priority;

	@Column(name = "candidate_group")
	private String candidateGroup;

	@Column(name = "proposed_action", columnDefinition = "text")
	private String proposedAction;

	@Column(name = "action_hash")
	private String actionHash;

	@Column(columnDefinition = "text")
	private String outcome;

	private String engine;

	private String tier;

	@Column(name = "requested_at")
	private Instant requestedAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "on_timeout")
	private String onTimeout;

	@Column(name = "bulk_allowed")
	private boolean bulkAllowed;

	@Enumerated(EnumType.STRING)
	private ReviewStatus status;

	private String assignee;

	@Column(name = "claimed_at")
	private Instant claimedAt;

	@Version
	private long version;

	protected ReviewItem() {
	}

	ReviewItem(String reviewId, String function, String subjectId, String summary, String reasons, double confidence,
			String risk, Priority priority, String candidateGroup, String proposedAction, String actionHash,
			String outcome, String engine, String tier, Instant requestedAt, Instant dueAt, String onTimeout,
			boolean bulkAllowed) {
		this.reviewId = reviewId;
		this.function = function;
		this.subjectId = subjectId;
		this.summary = summary;
		this.reasons = reasons;
		this.confidence = confidence;
		this.risk = risk;
		this.priority = priority.ordinal();
		this.candidateGroup = candidateGroup;
		this.proposedAction = proposedAction;
		this.actionHash = actionHash;
		this.outcome = outcome;
		this.engine = engine;
		this.tier = tier;
		this.requestedAt = requestedAt;
		this.dueAt = dueAt;
		this.onTimeout = onTimeout;
		this.bulkAllowed = bulkAllowed;
		this.status = ReviewStatus.PENDING;
	}

	public String reviewId() { return reviewId; }
	public String function() { return function; }
	public String subjectId() { return subjectId; }
	public String summary() { return summary; }
	public String reasons() { return reasons; }
	public double confidence() { return confidence; }
	public String risk() { return risk; }
	public Priority priority() { return Priority.values()[priority]; }
	public String candidateGroup() { return candidateGroup; }
	public String proposedAction() { return proposedAction; }
	public String actionHash() { return actionHash; }
	public String outcome() { return outcome; }
	public String engine() { return engine; }
	public String tier() { return tier; }
	public Instant requestedAt() { return requestedAt; }
	public Instant dueAt() { return dueAt; }
	public String onTimeout() { return onTimeout; }
	public boolean bulkAllowed() { return bulkAllowed; }
	public ReviewStatus status() { return status; }
	public String assignee() { return assignee; }
	public Instant claimedAt() { return claimedAt; }
	public long version() { return version; }

	/** Still waiting for a decision (pending or held by someone). */
	public boolean isOpen() {
		return status == ReviewStatus.PENDING || status == ReviewStatus.CLAIMED;
	}

	/** Take it: nobody else works on it until it is unclaimed. */
	void claim(String reviewer, Instant now) {
		requireOpen();
		if (assignee != null && !assignee.equals(reviewer)) {
			throw new TaskRefused("review " + reviewId + " is already claimed by " + assignee);
		}
		assignee = reviewer;
		claimedAt = now;
		status = ReviewStatus.CLAIMED;
	}

	/** Give it back to the group. Only the holder (or an admin) may. */
	void unclaim(String reviewer, boolean admin) {
		requireOpen();
		if (assignee == null) {
			throw new TaskRefused("review " + reviewId + " is not claimed");
		}
		if (!admin && !assignee.equals(reviewer)) {
			throw new TaskRefused("review " + reviewId + " is claimed by " + assignee + ", not by you");
		}
		assignee = null;
		claimedAt = null;
		status = ReviewStatus.PENDING;
	}

	/** Hand it to someone (the holder or an admin may). */
	void assign(String to, String by, boolean admin, Instant now) {
		requireOpen();
		if (!admin && assignee != null && !assignee.equals(by)) {
			throw new TaskRefused("review " + reviewId + " is claimed by " + assignee + ", not by you");
		}
		assignee = to;
		claimedAt = now;
		status = ReviewStatus.CLAIMED;
	}

	/**
	 * Record the decision on the request. The {@code @Version} column makes the update conditional: of two
	 * reviewers deciding at once, the second commit updates no row and fails.
	 */
	public void decide(ReviewStatus outcome, String reviewer, boolean admin) {
		requireOpen();
		if (!admin && assignee != null && !assignee.equals(reviewer)) {
			throw new TaskRefused("review " + reviewId + " is claimed by " + assignee + "; only they can decide it");
		}
		if (outcome == ReviewStatus.PENDING || outcome == ReviewStatus.CLAIMED) {
			throw new IllegalArgumentException("a decision closes a request: " + outcome + " is not one");
		}
		status = outcome;
	}

	/**
	 * Overdue (the scheduled {@link Escalation} or a workflow's timer): one step more urgent (URGENT stays URGENT)
	 * and back to the whole group if the holder sat on it. A closed request is left alone. Returns the priority.
	 */
	Priority escalate() {
		if (isOpen()) {
			priority = priority().raised().ordinal();
			assignee = null;
			claimedAt = null;
			status = ReviewStatus.PENDING;
		}
		return priority();
	}

	/**
	 * A workflow closes the request with how it ended (approved, rejected, expired). The first closing wins: a
	 * request a person already decided on the page keeps that decision, so settling is idempotent and never
	 * overwrites a recorded outcome. Returns the status the request ends with.
	 */
	ReviewStatus settle(ReviewStatus outcome) {
		if (outcome == ReviewStatus.PENDING || outcome == ReviewStatus.CLAIMED) {
			throw new IllegalArgumentException("settling closes a request: " + outcome + " is not an ending");
		}
		if (isOpen()) {
			status = outcome;
		}
		return status;
	}

	private void requireOpen() {
		if (!isOpen()) {
			throw new TaskRefused("review " + reviewId + " is already " + status.name().toLowerCase());
		}
	}
}
