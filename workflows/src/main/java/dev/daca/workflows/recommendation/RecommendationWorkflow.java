package dev.daca.workflows.recommendation;

import java.util.Map;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

import dev.daca.functions.recommendation.RecommendedItem;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.workflows.Activities;
import dev.daca.workflows.History;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.ProcessOutcome;
import dev.daca.workflows.PublishOutcomeActivity;
import dev.daca.workflows.WorkflowResult;

import org.springframework.stereotype.Component;

/** Recommendation: recommend, keep the result as the shopper's latest, publish it. No human step. */
@Component
@OnDaprWorkflows
public class RecommendationWorkflow implements Workflow {

	public static final String PROCESS = "recommendation";

	private final Activities activities;

	RecommendationWorkflow(Activities activities) {
		this.activities = activities;
	}

	@Override
	public WorkflowStub create() {
		return ctx -> {
			ShopperActivity activity = ctx.getInput(ShopperActivity.class);
			History history = new History(ctx);
			Recommendations recommendations = activities.call(ctx, RecommendActivity.class, activity, Recommendations.class);
			history.record("recommended", recommendations.summary());
			String at = activities.call(ctx, CacheRecommendationsActivity.class, recommendations, String.class);
			history.record("cached", "latest at " + at);
			ProcessOutcome outcome = new ProcessOutcome(ctx.getInstanceId(), PROCESS, recommendations.userId(),
					recommendations.proposedAction().kind(), "agent", Map.of("productIds",
							recommendations.items().stream().map(RecommendedItem::productId).toList()));
			String topic = activities.call(ctx, PublishOutcomeActivity.class, outcome, String.class);
			history.record("published", outcome.action() + " on " + topic);
			ctx.complete(new WorkflowResult(PROCESS, recommendations.userId(), outcome.action(), "agent",
					history.steps()));
		};
	}
}
