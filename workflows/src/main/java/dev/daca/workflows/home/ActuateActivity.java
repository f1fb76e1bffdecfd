package dev.daca.workflows.home;

import java.util.function.Function;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The {@code actuate} function as a workflow step. */
@Component
@OnDaprWorkflows
public class ActuateActivity implements WorkflowActivity {

	private final Function<HomeSignal, HomePlan> actuate;

	ActuateActivity(@Qualifier(HomePlan.FUNCTION) Function<HomeSignal, HomePlan> actuate) {
		this.actuate = actuate;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return actuate.apply(ctx.getInput(HomeSignal.class));
	}
}
