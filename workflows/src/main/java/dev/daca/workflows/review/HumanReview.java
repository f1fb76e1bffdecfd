package dev.daca.workflows.review;

import java.time.Duration;
import java.util.Optional;

import io.dapr.durabletask.TaskCanceledException;
import io.dapr.workflows.WorkflowContext;

import dev.daca.functions.review.Priority;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.hitl.inbox.ReviewStatus;
import dev.daca.workflows.History;

/**
 * The human step every workflow shares, as workflow code (deterministic: only activities and durable timers): file
 * the request, wait for {@value ReviewDecision#EVENT} until the policy's deadline, on timeout escalate and wait once
 * more, then fall back to the policy's {@code onTimeout} default.
 */
public final class HumanReview {

	/** How the review ended: a person's decision, or the policy default when nobody decided. */
	public record Resolution(ReviewDecision decision, String defaultAction) {

		public boolean decided() {
			return decision != null;
		}

		public String decidedBy() {
			return decided() ? "reviewer:" + decision.reviewer() : "policy-default";
		}
	}

	private HumanReview() {
	}

	public static Resolution await(WorkflowContext ctx, ReviewRequest request, History history) {
		ctx.callActivity(FileReviewActivity.class.getName(), new FiledReview(request, ctx.getInstanceId()),
				Boolean.class).await();
		Duration deadline = Duration.between(request.requestedAt(), request.dueAt());
		history.record("review-requested", "review " + request.reviewId() + " for " + request.candidateGroup()
				+ " (" + String.join("; ", request.reasons()) + "), deadline " + deadline);
		Optional<ReviewDecision> decision = waitForDecision(ctx, deadline);
		if (decision.isEmpty()) {
			Priority raised = ctx.callActivity(EscalateReviewActivity.class.getName(), request.reviewId(),
					Priority.class).await();
			history.record("escalated", "no decision within " + deadline + "; priority raised to " + raised.json());
			decision = waitForDecision(ctx, deadline);
		}
		if (decision.isEmpty()) {
			settle(ctx, request, ReviewStatus.EXPIRED);
			history.record("timed-out", "no decision after escalation; policy default: " + request.onTimeout());
			return new Resolution(null, request.onTimeout());
		}
		ReviewDecision decided = decision.get();
		settle(ctx, request, decided.approved() ? ReviewStatus.APPROVED : ReviewStatus.REJECTED);
		history.record("decided", decided.reviewer() + (decided.approved() ? " approved" : " rejected")
				+ (decided.note().isBlank() ? "" : ": " + decided.note()));
		return new Resolution(decided, null);
	}

	private static Optional<ReviewDecision> waitForDecision(WorkflowContext ctx, Duration deadline) {
		try {
			return Optional.of(ctx.waitForExternalEvent(ReviewDecision.EVENT, deadline, ReviewDecision.class).await());
		}
		catch (TaskCanceledException timedOut) {
			return Optional.empty();
		}
	}

	private static void settle(WorkflowContext ctx, ReviewRequest request, ReviewStatus status) {
		ctx.callActivity(SettleReviewActivity.class.getName(),
				new SettleReviewActivity.Settlement(request.reviewId(), status), String.class).await();
	}
}
