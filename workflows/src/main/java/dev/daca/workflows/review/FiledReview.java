package dev.daca.workflows.review;

import dev.daca.functions.review.ReviewRequest;

/** A review request and the workflow instance that waits for its decision. */
public record FiledReview(ReviewRequest request, String instanceId) {
}
