package dev.daca.hitl.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every decision and every sensitive look, hash-chained: each line's hash covers the previous line's hash and its
 * own fields, so altering, deleting or inserting a line breaks the chain from there on ({@link #verify()}).
 * Lines are appended in their own transaction, one at a time in this process (the sequence is the primary key, so a
 * second instance appending at the same moment fails rather than forks the chain).
 */
@Service
public class AuditLog {

	/** The hash before the first line. */
	static final String GENESIS = "0".repeat(64);

	/** What verifying the chain found: intact, or the first line that does not match. */
	public record Verification(boolean intact, long lines, Long firstBrokenSeq, String problem) {
	}

	private final AuditEntries entries;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	AuditLog(AuditEntries entries, PlatformTransactionManager transactions, Clock clock) {
		this.entries = entries;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Append a line: who ({@code actor}) did what ({@code action}) to which review, with a short detail. */
	public synchronized void record(String actor, String action, String reviewId, String detail) {
		ownTransaction.executeWithoutResult(status -> {
			AuditEntry last = entries.findTopByOrderBySeqDesc().orElse(null);
			long seq = last == null ? 1 : last.seq() + 1;
			String prev = last == null ? GENESIS : last.hash();
			// microseconds: what every database we run on keeps, so the hash verifies after a round trip
			Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
			String text = detail == null ? "" : detail.length() > 4000 ? detail.substring(0, 4000) : detail;
			entries.save(new AuditEntry(seq, at, actor, action, reviewId, text, prev,
					hash(prev, seq, at, actor, action, reviewId, text)));
		});
	}

	/** Recompute every link from the first line. */
	public Verification verify() {
		List<AuditEntry> all = entries.findAllByOrderBySeqAsc();
		String prev = GENESIS;
		long expectedSeq = 1;
		for (AuditEntry entry : all) {
			if (entry.seq() != expectedSeq) {
				return new Verification(false, all.size(), entry.seq(), "line " + expectedSeq + " is missing");
			}
			if (!entry.prevHash().equals(prev)) {
				return new Verification(false, all.size(), entry.seq(), "the link to the previous line is broken");
			}
			String expected = hash(prev, entry.seq(), entry.at(), entry.actor(), entry.action(), entry.reviewId(),
					entry.detail());
			if (!expected.equals(entry.hash())) {
				return new Verification(false, all.size(), entry.seq(), "the line was altered after it was written");
			}
			prev = entry.hash();
			expectedSeq++;
		}
		return new Verification(true, all.size(), null, null);
	}

	public List<AuditEntry> all() {
		return entries.findAllByOrderBySeqAsc();
	}

	public List<AuditEntry> about(String reviewId) {
		return entries.findByReviewIdOrderBySeqAsc(reviewId);
	}

	static String hash(String prev, long seq, Instant at, String actor, String action, String reviewId,
			String detail) {
		String line = String.join("\u001f", prev, Long.toString(seq), at.toString(), actor, action,
				reviewId == null ? "" : reviewId, detail);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(line.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
