package dev.daca.hitl.inbox;

/** A new review request is in the inbox (published by {@link ReviewInbox#file}); the live inbox pushes it. */
public record ReviewFiled(String reviewId, String function, String candidateGroup, String priority, String summary) {
}
