package dev.daca.workflows;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowContext;
import io.dapr.workflows.WorkflowTaskOptions;

import org.springframework.stereotype.Component;

/**
 * How a workflow calls an activity: always with the retry policy of {@link RetrySettings}, by the activity's
 * registered name (its canonical class name, as the runtime registers it), waiting for the result. Workflow code
 * only: call it from inside a {@code WorkflowStub}.
 */
@Component
@OnDaprWorkflows
public class Activities {

	private final WorkflowTaskOptions options;

	Activities(RetrySettings retry) {
		this.options = retry.taskOptions();
	}

	public <V> V call(WorkflowContext ctx, Class<? extends WorkflowActivity> activity, Object input,
			Class<V> resultType) {
		return ctx.callActivity(activity.getCanonicalName(), input, options, resultType).await();
	}
}
