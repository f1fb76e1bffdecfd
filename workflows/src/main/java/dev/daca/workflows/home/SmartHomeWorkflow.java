package dev.daca.workflows.home;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.review.NoReview;
import dev.daca.functions.review.ProposedAction;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.workflows.History;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.WorkflowResult;
import dev.daca.workflows.home.DispatchActionsActivity.Dispatch;
import dev.daca.workflows.home.DispatchActionsActivity.Dispatched;
import dev.daca.workflows.review.HumanReview;
import dev.daca.workflows.review.RequestReviewActivity;

import org.springframework.stereotype.Component;

/**
 * Smart home: actuate plans the actions; high-impact ones wait for the homeowner (policy deadline, one escalation,
 * then the policy default, deny). What is dispatched after an approval must hash to what the homeowner approved:
 * the approved action (as edited, if it was) is checked against the approved hash at dispatch, and refused and
 * audited when they differ.
 */
@Component
@OnDaprWorkflows
public class SmartHomeWorkflow implements Workflow {

	public static final String PROCESS = "home";

	@Override
	public WorkflowStub create() {
		return ctx -> {
			HomeSignal signal = ctx.getInput(HomeSignal.class);
			History history = new History(ctx);
			HomePlan plan = ctx.callActivity(ActuateActivity.class.getName(), signal, HomePlan.class).await();
			history.record("planned", plan.summary());
			ReviewRouting routing = ctx.callActivity(RequestReviewActivity.class.getName(), plan,
					ReviewRouting.class).await();
			ProposedAction action = plan.proposedAction();
			String approvedHash;
			String decidedBy;
			if (routing instanceof ReviewRequest request) {
				HumanReview.Resolution review = HumanReview.await(ctx, request, history);
				if (!review.decided() || !review.decision().approved()) {
					String outcome = review.decided() ? "deny" : review.defaultAction();
					history.record("not-dispatched", outcome + " (" + review.decidedBy() + ")");
					ctx.complete(new WorkflowResult(PROCESS, plan.homeId(), outcome, review.decidedBy(),
							history.steps()));
					return;
				}
				// what the homeowner saw, or their edit of it; either must hash to the hash they approved
				action = review.decision().approvedAction() != null ? review.decision().approvedAction()
						: request.proposedAction();
				approvedHash = review.decision().actionHash();
				decidedBy = review.decidedBy();
			}
			else {
				history.record("no-review", ((NoReview) routing).reason());
				approvedHash = action.sha256();
				decidedBy = "agent";
			}
			Dispatched dispatched = ctx.callActivity(DispatchActionsActivity.class.getName(),
					new Dispatch(ctx.getInstanceId(), plan.homeId(), action, approvedHash, decidedBy),
					Dispatched.class).await();
			history.record(dispatched.dispatched() ? "dispatched" : "refused", dispatched.detail() + " (sha256 "
					+ dispatched.actualHash() + ", approved " + approvedHash + ")");
			ctx.complete(new WorkflowResult(PROCESS, plan.homeId(), dispatched.dispatched() ? action.kind() : "refused",
					dispatched.dispatched() ? decidedBy : "refused", history.steps()));
		};
	}
}
