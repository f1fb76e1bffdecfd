package dev.daca.workflows.triage;

import java.util.Map;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

import dev.daca.functions.review.NoReview;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.functions.triage.Urgency;
import dev.daca.workflows.History;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.ProcessOutcome;
import dev.daca.workflows.PublishOutcomeActivity;
import dev.daca.workflows.WorkflowResult;
import dev.daca.workflows.review.HumanReview;
import dev.daca.workflows.review.RequestReviewActivity;

import org.springframework.stereotype.Component;

/**
 * Diagnosis: diagnose, then the patient is notified. Urgent-or-worse is never notified without a clinician: the
 * policy routes it to review (at-or-above-risk high); if a changed policy ever lets one through, the workflow does
 * not notify the patient itself but hands over to the on-call clinician. A clinician who rejects the assessment
 * takes the case over ({@code clinician-follow-up}); nobody deciding in time yields the policy default.
 */
@Component
@OnDaprWorkflows
public class DiagnosisWorkflow implements Workflow {

	public static final String PROCESS = "diagnosis";

	static final String HAND_OVER = "notify-on-call-clinician";

	@Override
	public WorkflowStub create() {
		return ctx -> {
			SymptomReport report = ctx.getInput(SymptomReport.class);
			History history = new History(ctx);
			TriageAssessment assessment = ctx.callActivity(DiagnoseActivity.class.getName(), report,
					TriageAssessment.class).await();
			history.record("assessed", assessment.summary());
			ReviewRouting routing = ctx.callActivity(RequestReviewActivity.class.getName(), assessment,
					ReviewRouting.class).await();
			String proposed = assessment.proposedAction().kind();
			String action;
			String decidedBy;
			if (routing instanceof ReviewRequest request) {
				HumanReview.Resolution review = HumanReview.await(ctx, request, history);
				action = !review.decided() ? review.defaultAction()
						: review.decision().approved() ? proposed : "clinician-follow-up";
				decidedBy = review.decidedBy();
			}
			else if (assessment.urgency().atLeast(Urgency.URGENT)) {
				history.record("no-review", ((NoReview) routing).reason()
						+ "; urgent-or-worse is never sent unreviewed: handed to the on-call clinician");
				action = HAND_OVER;
				decidedBy = "workflow-guard";
			}
			else {
				history.record("no-review", ((NoReview) routing).reason());
				action = proposed;
				decidedBy = "agent";
			}
			ProcessOutcome outcome = new ProcessOutcome(ctx.getInstanceId(), PROCESS, report.patientId(), action,
					decidedBy, Map.of("urgency", assessment.urgency().json()));
			String topic = ctx.callActivity(PublishOutcomeActivity.class.getName(), outcome, String.class).await();
			history.record("published", action + " (" + decidedBy + ") on " + topic);
			ctx.complete(new WorkflowResult(PROCESS, report.patientId(), action, decidedBy, history.steps()));
		};
	}
}
