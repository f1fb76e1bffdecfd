package dev.daca.workflows.recommendation;

import io.dapr.client.DaprClient;
import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.recommendation.Recommendations;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Keeps the latest recommendations per shopper in the Dapr state store ({@code recommendations-<userId>}). */
@Component
@OnDaprWorkflows
public class CacheRecommendationsActivity implements WorkflowActivity {

	private final DaprClient dapr;

	private final String store;

	CacheRecommendationsActivity(DaprClient dapr, @Value("${daca.workflows.state-store:statestore}") String store) {
		this.dapr = dapr;
		this.store = store;
	}

	static String keyFor(String userId) {
		return "recommendations-" + userId;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		Recommendations recommendations = ctx.getInput(Recommendations.class);
		String key = keyFor(recommendations.userId());
		dapr.saveState(store, key, recommendations).block();
		return key;
	}
}
