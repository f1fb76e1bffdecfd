package dev.daca.workflows.review;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.inbox.ReviewStatus;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.stereotype.Component;

/** Closes the inbox item once the workflow knows the answer: approved, rejected or expired. */
@Component
@OnDaprWorkflows
public class SettleReviewActivity implements WorkflowActivity {

	/** Which review, and how it ended. */
	public record Settlement(String reviewId, ReviewStatus status) {
	}

	private final ReviewInbox inbox;

	SettleReviewActivity(ReviewInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		Settlement settlement = ctx.getInput(Settlement.class);
		// a decision recorded on the page first stays: the answer is how the request really ended
		return inbox.settle(settlement.reviewId(), settlement.status()).name();
	}
}
