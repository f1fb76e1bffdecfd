package dev.daca.functions.triage;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.review.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

class TriageAssessmentJsonTest {

	private final ObjectMapper json = JsonMapper.builder()
		.addModule(new TriageConfiguration().triageOutcomeModule())
		.build();

	@Test
	void roundTripsAsAnOutcome() throws Exception {
		TriageAssessment assessment = new TriageAssessment("p-7",
				List.of(new CandidateCondition("Common cold", 0.91, List.of("runny nose", "sneezing"))),
				Urgency.SELF_CARE, "Rest and drink fluids.",
				List.of(new RedFlag("seizure", "Seizure or convulsions", List.of("had a fit"))), 0.87, null,
				DecidedBy.embedding("symptom-embeddings").fellBackBecause("llm not configured"));
		String text = json.writeValueAsString(assessment);
		assertThat(text).contains("\"function\":\"diagnose\"", "\"urgency\":\"self-care\"",
				"\"disclaimer\":\"This is not medical advice.");
		Outcome back = json.readValue(text, Outcome.class);
		assertThat(back).isEqualTo(assessment);
	}

	@Test
	void readsTheInputRecord() throws Exception {
		SymptomReport report = json.readValue("""
				{"patientId":"p-9","symptoms":"sore throat","age":34,"sex":"Other","duration":"2 days"}""",
				SymptomReport.class);
		assertThat(report).isEqualTo(new SymptomReport("p-9", "sore throat", 34, "other", "2 days"));
	}
}
