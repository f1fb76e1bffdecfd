package dev.daca.workflows.review;

import java.util.function.Function;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The review gate: the {@code request-review} function on any outcome (the policy in force decides). */
@Component
@OnDaprWorkflows
public class RequestReviewActivity implements WorkflowActivity {

	private final Function<Outcome, ReviewRouting> requestReview;

	RequestReviewActivity(@Qualifier("request-review") Function<Outcome, ReviewRouting> requestReview) {
		this.requestReview = requestReview;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return requestReview.apply(ctx.getInput(Outcome.class));
	}
}
