package dev.daca.functions.triage;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ProposedAction;

/**
 * The {@code diagnose} outcome: ranked candidate conditions, how urgently to be seen and what to do next, the red
 * flags found (with the words that matched), how sure the engine is, and always the disclaimer. Risk follows the
 * urgency (emergency is critical, self-care is low), so the review policy sends every urgent case to a clinician.
 */
public record TriageAssessment(String patientId, List<CandidateCondition> conditions, Urgency urgency,
		String nextStep, List<RedFlag> redFlags, double confidence, String disclaimer, DecidedBy decidedBy)
		implements Outcome {

	public static final String FUNCTION = "diagnose";

	public static final String DISCLAIMER = "This is not medical advice. It is an automated triage suggestion that "
			+ "a clinician may review; if symptoms get worse or you are worried, contact a doctor, and in an "
			+ "emergency call 112/911.";

	public TriageAssessment {
		InvalidInput.require(patientId != null && !patientId.isBlank(), "patientId is required");
		InvalidInput.require(urgency != null, "urgency is required");
		InvalidInput.require(nextStep != null && !nextStep.isBlank(), "nextStep is required");
		InvalidInput.require(confidence >= 0 && confidence <= 1, "confidence must be in [0,1]");
		InvalidInput.require(decidedBy != null, "decidedBy is required");
		InvalidInput.require(disclaimer == null || disclaimer.equals(DISCLAIMER), "disclaimer is fixed");
		conditions = conditions == null ? List.of() : List.copyOf(conditions);
		redFlags = redFlags == null ? List.of() : List.copyOf(redFlags);
		disclaimer = DISCLAIMER;
	}

	public TriageAssessment withDecidedBy(DecidedBy by) {
		return new TriageAssessment(patientId, conditions, urgency, nextStep, redFlags, confidence, disclaimer, by);
	}

	/** The best candidate's name, or "unknown" when nothing matched. */
	public String topCondition() {
		return conditions.isEmpty() ? "unknown" : conditions.get(0).name();
	}

	@Override
	public String function() {
		return FUNCTION;
	}

	@Override
	public String subjectId() {
		return patientId;
	}

	@Override
	public Risk risk() {
		return urgency.risk();
	}

	@Override
	public Set<String> flags() {
		Set<String> flags = new LinkedHashSet<>();
		flags.add(urgency.json());
		redFlags.forEach(flag -> flags.add(flag.id()));
		return flags;
	}

	@Override
	public String summary() {
		return urgency.json() + ": " + topCondition() + (redFlags.isEmpty() ? ""
				: " (red flags: " + String.join(", ", redFlags.stream().map(RedFlag::id).toList()) + ")");
	}

	@Override
	public ProposedAction proposedAction() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("patientId", patientId);
		parameters.put("urgency", urgency.json());
		parameters.put("nextStep", nextStep);
		parameters.put("topCondition", topCondition());
		return ProposedAction.of("notify-patient", "Tell the patient: " + nextStep, parameters);
	}
}
