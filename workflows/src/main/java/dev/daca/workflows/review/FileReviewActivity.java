package dev.daca.workflows.review;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.stereotype.Component;

/** Puts the request in the reviewers' inbox (idempotent: same review id, one item) and remembers the waiter. */
@Component
@OnDaprWorkflows
public class FileReviewActivity implements WorkflowActivity {

	private final ReviewInbox inbox;

	private final ReviewWorkflows waiting;

	FileReviewActivity(ReviewInbox inbox, ReviewWorkflows waiting) {
		this.inbox = inbox;
		this.waiting = waiting;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		FiledReview filed = ctx.getInput(FiledReview.class);
		waiting.remember(filed.request().reviewId(), filed.instanceId());
		return inbox.file(filed.request());
	}
}
