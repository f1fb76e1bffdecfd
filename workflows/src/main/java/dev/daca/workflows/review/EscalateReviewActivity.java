package dev.daca.workflows.review;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.stereotype.Component;

/** Nobody decided before the deadline: raise the request's priority in the inbox. */
@Component
@OnDaprWorkflows
public class EscalateReviewActivity implements WorkflowActivity {

	private final ReviewInbox inbox;

	EscalateReviewActivity(ReviewInbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return inbox.escalate(ctx.getInput(String.class));
	}
}
