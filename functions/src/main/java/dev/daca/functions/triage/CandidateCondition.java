package dev.daca.functions.triage;

import java.util.List;

import dev.daca.functions.engine.InvalidInput;

/** One ranked candidate: the condition's name, how well the report fits it in [0,1], and the symptoms that matched. */
public record CandidateCondition(String name, double confidence, List<String> matchedSymptoms) {

	public CandidateCondition {
		InvalidInput.require(name != null && !name.isBlank(), "condition.name is required");
		InvalidInput.require(confidence >= 0 && confidence <= 1, "condition.confidence must be in [0,1]");
		matchedSymptoms = matchedSymptoms == null ? List.of() : List.copyOf(matchedSymptoms);
	}
}
