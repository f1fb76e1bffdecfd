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
	 * The people's verdicts: every review request with a recorded decision ({@code review_decision}, written only by
	 * the inbox's decision path), as a {@link FeedbackAggregation.HumanDecision}. Requests closed without a person
	 * (expired, settled by a workflow's timeout) have no decision row and are not feedback.
	 */
	List<FeedbackAggregation.Decided> decided() {
		return jdbc.query("select r.function_name, r.confidence, d.outcome, d.edited from review_request r "
				+ "join review_decision d on d.review_id = r.review_id", (rs, n) -> new FeedbackAggregation.Decided(
						rs.getString("function_name"), rs.getDouble("confidence"),
						FeedbackAggregation.HumanDecision.of(rs.getString("outcome"), rs.getBoolean("edited"))));
	}

	/**
	 * Labelled examples, oldest decision first: the agent's outcome and proposed action, what the person decided,
	 * upheld or overturned, the action the person approved when it differs (the correction), and a rejection's
	 * reason. Neither the subject id nor the reviewer's name is in it.
	 */
	List<LabelledExample> labelledExamples() {
		return jdbc.query("select r.review_id, r.function_name, r.confidence, r.outcome, d.proposed_action, "
				+ "d.outcome as decision, d.edited, d.approved_action, d.reason from review_request r "
				+ "join review_decision d on d.review_id = r.review_id order by d.decided_at, r.review_id", (rs, n) -> {
					var decision = FeedbackAggregation.HumanDecision.of(rs.getString("decision"),
							rs.getBoolean("edited"));
					return new LabelledExample(rs.getString("review_id"), rs.getString("function_name"),
							rs.getDouble("confidence"), decision, rs.getString("outcome"),
							rs.getString("proposed_action"),
							decision == FeedbackAggregation.HumanDecision.EDITED ? rs.getString("approved_action") : null,
							rs.getString("reason"));
				});
	}

	record LabelledExample(String reviewId, String function, double confidence,
			FeedbackAggregation.HumanDecision decision, String outcome, String proposedAction, String correctedAction,
			String reason) {

		String label() {
			return decision.overturns() ? "overturned" : "upheld";
		}
	}

}
