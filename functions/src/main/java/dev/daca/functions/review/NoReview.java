package dev.daca.functions.review;

/** The outcome may take effect without a person: no rule of the policy matched. */
public record NoReview(String function, String subjectId, String reason) implements ReviewRouting {
}
