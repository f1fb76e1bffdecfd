package dev.daca.functions.triage;

import java.util.Locale;

import dev.daca.functions.engine.InvalidInput;

/**
 * What the patient says: free-text symptoms, and when known the age in years, the sex (female, male, other) and how
 * long it has been going on ("3 days", "since yesterday").
 */
public record SymptomReport(String patientId, String symptoms, Integer age, String sex, String duration) {

	public static final int MAX_SYMPTOMS_LENGTH = 4_000;

	public SymptomReport {
		InvalidInput.require(patientId != null && !patientId.isBlank(), "patientId is required");
		InvalidInput.require(symptoms != null && !symptoms.isBlank(), "symptoms is required");
		InvalidInput.require(symptoms.length() <= MAX_SYMPTOMS_LENGTH,
				"symptoms must be at most " + MAX_SYMPTOMS_LENGTH + " characters");
		InvalidInput.require(age == null || (age >= 0 && age <= 130), "age must be between 0 and 130");
		if (sex != null && !sex.isBlank()) {
			sex = sex.trim().toLowerCase(Locale.ROOT);
			InvalidInput.require(sex.equals("female") || sex.equals("male") || sex.equals("other"),
					"sex must be one of female, male, other");
		}
		else {
			sex = null;
		}
		duration = duration == null || duration.isBlank() ? null : duration.trim();
	}

	public static SymptomReport of(String patientId, String symptoms) {
		return new SymptomReport(patientId, symptoms, null, null, null);
	}
}
