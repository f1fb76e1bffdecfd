package dev.daca.workflows;

import java.util.ArrayList;
import java.util.List;

import io.dapr.workflows.WorkflowContext;

/**
 * A workflow's own history, kept in the workflow's custom status after every step (so {@code GET /workflows/{id}}
 * shows it while the workflow waits) and returned in its result. Deterministic: times come from
 * {@link WorkflowContext#getCurrentInstant()}, so a replay rebuilds exactly the same list.
 */
public final class History {

	private final WorkflowContext ctx;

	private final List<WorkflowStep> steps = new ArrayList<>();

	public History(WorkflowContext ctx) {
		this.ctx = ctx;
	}

	public void record(String step, String detail) {
		steps.add(new WorkflowStep(ctx.getCurrentInstant().toString(), step, detail));
		ctx.setCustomStatus(List.copyOf(steps));
	}

	public List<WorkflowStep> steps() {
		return List.copyOf(steps);
	}
}
