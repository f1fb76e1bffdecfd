package dev.daca.workflows.home;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.review.ProposedAction;
import dev.daca.workflows.AuditTrail;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.OutcomePublisher;
import dev.daca.workflows.ProcessOutcome;

import org.springframework.stereotype.Component;

/**
 * Sends the home's actions to the devices ({@code home.decided}) only when the action about to go out hashes to
 * exactly what was approved ({@link ProposedAction#sha256()}); otherwise refuses and audits.
 */
@Component
@OnDaprWorkflows
public class DispatchActionsActivity implements WorkflowActivity {

	/** What to dispatch, bound to the hash that was approved. */
	public record Dispatch(String instanceId, String homeId, ProposedAction action, String approvedHash,
			String approvedBy) {
	}

	/** Whether it went out, and the hash of what was about to go out. */
	public record Dispatched(boolean dispatched, String actualHash, String detail) {
	}

	private final OutcomePublisher publisher;

	private final AuditTrail audit;

	DispatchActionsActivity(OutcomePublisher publisher, AuditTrail audit) {
		this.publisher = publisher;
		this.audit = audit;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		Dispatch dispatch = ctx.getInput(Dispatch.class);
		String actual = dispatch.action().sha256();
		if (!actual.equals(dispatch.approvedHash())) {
			String detail = "action to dispatch differs from the approved one; refused";
			audit.record(dispatch.instanceId(), "dispatch-refused", detail, dispatch.approvedHash(), actual);
			return new Dispatched(false, actual, detail);
		}
		String topic = publisher.publish(new ProcessOutcome(dispatch.instanceId(), SmartHomeWorkflow.PROCESS,
				dispatch.homeId(), dispatch.action().kind(), dispatch.approvedBy(), dispatch.action().parameters()));
		return new Dispatched(true, actual, "dispatched on " + topic);
	}
}
