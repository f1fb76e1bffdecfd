package dev.daca.workflows.recommendation;

import java.util.Map;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

import dev.daca.functions.recommendation.RecommendedItem;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.workflows.History;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.ProcessOutcome;
import dev.daca.workflows.PublishOutcomeActivity;
import dev.daca.workflows.WorkflowResult;

import org.springframework.stereotype.Component;

/** Recommendation: recommend, cache the result in the Dapr state store, publish it. No human step. */
@Component
@OnDaprWorkflows
public class RecommendationWorkflow implements Workflow {

	public static final String PROCESS = "recommendation";

	@Override
	public WorkflowStub create() {
		return ctx -> {
			ShopperActivity activity = ctx.getInput(ShopperActivity.class);
			History history = new History(ctx);
			Recommendations recommendations = ctx.callActivity(RecommendActivity.class.getName(), activity,
					Recommendations.class).await();
			history.record("recommended", recommendations.summary());
			String key = ctx.callActivity(CacheRecommendationsActivity.class.getName(), recommendations,
					String.class).await();
			history.record("cached", "state key " + key);
			ProcessOutcome outcome = new ProcessOutcome(ctx.getInstanceId(), PROCESS, recommendations.userId(),
					recommendations.proposedAction().kind(), "agent", Map.of("productIds",
							recommendations.items().stream().map(RecommendedItem::productId).toList()));
			String topic = ctx.callActivity(PublishOutcomeActivity.class.getName(), outcome, String.class).await();
			history.record("published", outcome.action() + " on " + topic);
			ctx.complete(new WorkflowResult(PROCESS, recommendations.userId(), outcome.action(), "agent",
					history.steps()));
		};
	}
}
