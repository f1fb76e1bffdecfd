package dev.daca.bindings.reviewcounts;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import dev.daca.hitl.inbox.InboxQuery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The truth: one grouped count on the inbox's {@code review_request} table (indexed on function and status). Plain
 * SQL, read-only, so the counts do not reach into the inbox's entity.
 */
@Repository
class ReviewCountQuery {

	private final JdbcTemplate jdbc;

	private final Clock clock;

	ReviewCountQuery(JdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	ReviewCounts count() {
		Instant now = clock.instant();
		Map<String, Long> pending = new TreeMap<>();
		Map<String, Long> overdue = new TreeMap<>();
		InboxQuery.FUNCTIONS.forEach(function -> {
			pending.put(function, 0L);
			overdue.put(function, 0L);
		});
		jdbc.query("select function_name, count(*) as pending, "
				+ "sum(case when due_at < ? then 1 else 0 end) as overdue from review_request "
				+ "where status in ('PENDING', 'CLAIMED') group by function_name", rs -> {
					pending.put(rs.getString("function_name"), rs.getLong("pending"));
					overdue.put(rs.getString("function_name"), rs.getLong("overdue"));
				}, now.atOffset(ZoneOffset.UTC));
		return new ReviewCounts(pending, overdue, now);
	}
}
