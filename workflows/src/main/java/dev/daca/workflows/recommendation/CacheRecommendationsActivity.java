package dev.daca.workflows.recommendation;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.bindings.shopper.LatestRecommendations;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.stereotype.Component;

/**
 * Keeps the recommendations as the shopper's latest ({@link LatestRecommendations}: Redis with the {@code redis}
 * profile, this instance's memory otherwise), the same cache the topic path feeds, read by
 * {@code GET /api/shoppers/{userId}/recommendations}. Not the Dapr state store: Dapr owns the workflow's state, the
 * domain's state is ours (docs/state.md).
 */
@Component
@OnDaprWorkflows
public class CacheRecommendationsActivity implements WorkflowActivity {

	private final LatestRecommendations latest;

	CacheRecommendationsActivity(LatestRecommendations latest) {
		this.latest = latest;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		Recommendations recommendations = ctx.getInput(Recommendations.class);
		latest.keep(recommendations);
		return "/api/shoppers/" + recommendations.userId() + "/recommendations";
	}
}
