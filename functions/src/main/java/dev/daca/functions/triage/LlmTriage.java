package dev.daca.functions.triage;

/**
 * The answer the language model is asked for (structured output): an urgency (emergency, urgent, routine,
 * self-care), the most likely condition, the next step for the patient and how sure it is in [0,1].
 */
record LlmTriage(String urgency, String condition, String nextStep, Double confidence) {
}
