package dev.daca.hitl.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of the audit log: who did what, when, to which review, linked to the line before by its hash. */
@Entity
@Table(name = "review_audit")
public class AuditEntry {

	@Id
	private long seq;

	private Instant at;

	private String actor;

	private String action;

	@Column(name = "review_id")
	private String reviewId;

	private String detail;

	@Column(name = "prev_hash")
	private String prevHash;

	private String hash;

	protected AuditEntry() {
	}

	AuditEntry(long seq, Instant at, String actor, String action, String reviewId, String detail, String prevHash,
			String hash) {
		this.seq = seq;
		this.at = at;
		this.actor = actor;
		this.action = action;
		this.reviewId = reviewId;
		this.detail = detail;
		this.prevHash = prevHash;
		this.hash = hash;
	}

	public long seq() { return seq; }
	public Instant at() { return at; }
	public String actor() { return actor; }
	public String action() { return action; }
	public String reviewId() { return reviewId; }
	public String detail() { return detail; }
	public String prevHash() { return prevHash; }
	public String hash() { return hash; }
}
