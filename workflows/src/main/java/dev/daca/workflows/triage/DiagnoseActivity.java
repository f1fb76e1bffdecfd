package dev.daca.workflows.triage;

import java.util.function.Function;

import io.dapr.workflows.WorkflowActivity;
import io.dapr.workflows.WorkflowActivityContext;

import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.workflows.OnDaprWorkflows;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** The {@code diagnose} function as a workflow step. */
@Component
@OnDaprWorkflows
public class DiagnoseActivity implements WorkflowActivity {

	private final Function<SymptomReport, TriageAssessment> diagnose;

	DiagnoseActivity(@Qualifier(TriageAssessment.FUNCTION) Function<SymptomReport, TriageAssessment> diagnose) {
		this.diagnose = diagnose;
	}

	@Override
	public Object run(WorkflowActivityContext ctx) {
		return diagnose.apply(ctx.getInput(SymptomReport.class));
	}
}
