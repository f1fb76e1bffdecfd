package dev.daca.workflows;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import org.springframework.stereotype.Component;

/** The last step of every workflow: publish what took effect ({@link OutcomePublisher}). */
@Component
@OnDaprWorkflows
public class PublishOutcomeActivity implements WorkflowActivity {

	private final OutcomePublisher publisher;

	PublishOutcomeActivity(OutcomePublisher publisher) {
		this.publisher = publisher;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return publisher.publish(ctx.getInput(ProcessOutcome.class));
	}
}
