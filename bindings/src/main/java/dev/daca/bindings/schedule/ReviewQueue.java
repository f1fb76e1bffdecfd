package dev.daca.bindings.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import dev.daca.functions.review.FeedbackAggregation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import static dev.daca.bindings.schedule.ScheduledRuns.utc;

/**
 * The scheduled jobs' queries on the inbox's {@code review_request} table (owned by hitl-ui; read and written here
 * with plain SQL so the jobs do not reach into the inbox's entity). Updates bump {@code version}, the inbox's
 * optimistic lock, so a reviewer's concurrent change and an escalation never overwrite each other silently.
 */
@Repository
class ReviewQueue {

	/** The highest priority (urgent). */
	static final int URGENT = 3;

	/** A pending review past its due time. */
	record Overdue(String reviewId, int priority, Instant requestedAt, Instant dueAt, long version) {
	}

	private final JdbcTemplate jdbc;

	ReviewQueue(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Overdue> overdue(Instant now) {
		return jdbc.query("select review_id, priority, requested_at, due_at, version from review_request "
				+ "where status = 'PENDING' and due_at < ? order by due_at", (rs, n) -> new Overdue(
						rs.getString("review_id"), rs.getInt("priority"),
						rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
						rs.getObject("due_at", OffsetDateTime.class).toInstant(), rs.getLong("version")),
				utc(now));
	}

	/**
	 * One step more urgent, due again after the same deadline it was given; false when the row changed meanwhile
	 * (decided, claimed, or escalated by another run).
	 */
	boolean escalate(Overdue review, Instant now) {
		Instant due = now.plus(Duration.between(review.requestedAt(), review.dueAt()));
		return jdbc.update("update review_request set priority = ?, due_at = ?, version = version + 1 "
				+ "where review_id = ? and version = ? and status = 'PENDING'", Math.min(review.priority() + 1, URGENT),
				utc(due), review.reviewId(), review.version()) == 1;
	}

	/**
	 * The seam for feedback until the inbox records decisions: a request APPROVED upheld the agent's proposal, one
	 * REJECTED overturned it.
	 */
	List<FeedbackAggregation.Decided> decided() {
		return jdbc.query("select function_name, confidence, status from review_request "
				+ "where status in ('APPROVED', 'REJECTED')", (rs, n) -> new FeedbackAggregation.Decided(
						rs.getString("function_name"), rs.getDouble("confidence"),
						"REJECTED".equals(rs.getString("status"))));
	}

	/** Labelled examples: each decided request's outcome JSON with the human verdict. */
	List<LabelledExample> labelledExamples() {
		return jdbc.query("select review_id, function_name, confidence, status, outcome from review_request "
				+ "where status in ('APPROVED', 'REJECTED') order by requested_at", (rs, n) -> new LabelledExample(
						rs.getString("review_id"), rs.getString("function_name"), rs.getDouble("confidence"),
						"APPROVED".equals(rs.getString("status")) ? "upheld" : "overturned", rs.getString("outcome")));
	}

	record LabelledExample(String reviewId, String function, double confidence, String human, String outcome) {
	}

}
