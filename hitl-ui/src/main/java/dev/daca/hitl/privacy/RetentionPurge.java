package dev.daca.hitl.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.hitl.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code daca.hitl.retention} (default P30D): review requests closed longer ago than that are deleted with their
 * decision, so the personal data they carry (the agent's input and output, notes) is not kept for ever. Run by the
 * scheduled function {@code purge-expired-reviews} (nightly, one replica, also over HTTP and as a one-shot run).
 * <ul>
 * <li>A decided request goes when its decision is older than the retention <em>and</em> its {@code review.decided}
 * event was published: the outbox is never purged before it delivered.</li>
 * <li>A request closed without a decision on the page (expired or settled by a workflow) goes when it was requested
 * longer ago than the retention. Open requests are never purged.</li>
 * <li>The audit lines stay as written: deleting or rewriting them would break the hash chain, which is the point of
 * it (verify would report the gap). They hold who, when, what and the review id; the purge adds one line saying how
 * many requests it removed and up to when.</li>
 * </ul>
 */
@Component
public class RetentionPurge {

	private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

	static final int BATCH = 500;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	private final Clock clock;

	private final Duration retention;

	RetentionPurge(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactions, AuditLog audit,
			Clock clock, @Value("${daca.hitl.retention:P30D}") Duration retention) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalStateException("daca.hitl.retention must be a positive duration, e.g. P30D, not "
					+ retention);
		}
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.audit = audit;
		this.clock = clock;
		this.retention = retention;
	}

	/** Delete what is past retention, in batches; returns how many review requests went. */
	public int purge() {
		Instant cutoff = clock.instant().minus(retention);
		int total = 0;
		int purged;
		do {
			purged = purgeBatch(cutoff);
			total += purged;
		}
		while (purged == BATCH);
		if (total > 0) {
			log.info("retention {}: purged {} closed review requests", retention, total);
			audit.record("system", "purged", null, total + " closed review requests older than " + retention
					+ " (before " + cutoff + ") with their decisions; their audit lines are kept");
		}
		return total;
	}

	private int purgeBatch(Instant cutoff) {
		return transaction.execute(status -> {
			Map<String, Object> before = Map.of("cutoff", Timestamp.from(cutoff), "batch", BATCH);
			List<String> ids = new ArrayList<>(jdbc.queryForList("""
					select d.review_id from review_decision d
					where d.decided_at < :cutoff and d.published_at is not null
					order by d.decided_at limit :batch""", before, String.class));
			ids.addAll(jdbc.queryForList("""
					select r.review_id from review_request r
					where r.status in ('APPROVED', 'REJECTED', 'RESPONDED', 'EXPIRED') and r.requested_at < :cutoff
					and not exists (select 1 from review_decision d where d.review_id = r.review_id)
					order by r.requested_at limit :batch""", before, String.class));
			List<String> batch = ids.size() > BATCH ? ids.subList(0, BATCH) : ids;
			if (batch.isEmpty()) {
				return 0;
			}
			Map<String, Object> which = Map.of("ids", batch);
			jdbc.update("delete from review_decision where review_id in (:ids)", which);
			return jdbc.update("delete from review_request where review_id in (:ids)", which);
		});
	}
}
