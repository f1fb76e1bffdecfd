package dev.daca.workflows;

import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.triage.TriageAssessment;

/**
 * The outcome subtypes for the Dapr SDK's own Jackson mapper, which serialises workflow and activity payloads and
 * finds modules through {@code META-INF/services} (not through Spring). Without it an {@code Outcome} or a
 * {@code ReviewRequest} could not cross an activity boundary. Spring's mapper gets the same names from the
 * functions' own modules.
 */
public class WorkflowPayloads extends SimpleModule {

	public WorkflowPayloads() {
		super("daca-workflow-payloads");
		registerSubtypes(new NamedType(ModerationVerdict.class, ModerationVerdict.FUNCTION),
				new NamedType(TriageAssessment.class, TriageAssessment.FUNCTION),
				new NamedType(HomePlan.class, HomePlan.FUNCTION),
				new NamedType(Recommendations.class, Recommendations.FUNCTION));
	}
}
