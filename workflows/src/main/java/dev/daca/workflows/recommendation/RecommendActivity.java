package dev.daca.workflows.recommendation;

import java.util.function.Function;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The {@code recommend} function as a workflow step. */
@Component
@OnDaprWorkflows
public class RecommendActivity implements WorkflowActivity {

	private final Function<ShopperActivity, Recommendations> recommend;

	RecommendActivity(@Qualifier(Recommendations.FUNCTION) Function<ShopperActivity, Recommendations> recommend) {
		this.recommend = recommend;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return recommend.apply(ctx.getInput(ShopperActivity.class));
	}
}
