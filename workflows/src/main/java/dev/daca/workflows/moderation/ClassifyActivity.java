package dev.daca.workflows.moderation;

import java.util.function.Function;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The {@code classify} function as a workflow step. */
@Component
@OnDaprWorkflows
public class ClassifyActivity implements WorkflowActivity {

	private final Function<Post, ModerationVerdict> classify;

	ClassifyActivity(@Qualifier(ModerationVerdict.FUNCTION) Function<Post, ModerationVerdict> classify) {
		this.classify = classify;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return classify.apply(ctx.getInput(Post.class));
	}
}
