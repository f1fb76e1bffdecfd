package dev.daca.hitl.inbox;

import java.time.Instant;

import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.security.Reviewer;

/** One row of the inbox as a reviewer sees it (personal data masked by role). */
public record ReviewCard(String reviewId, String function, String subjectId, String summary, String priority,
		String status, String assignee, String candidateGroup, double confidence, Instant requestedAt, Instant dueAt,
		boolean bulkAllowed, boolean open, boolean mine) {

	public static ReviewCard of(ReviewItem item, Reviewer reviewer) {
		PersonalData.Masking masking = PersonalData.masking(reviewer, item.function(), item.subjectId());
		return new ReviewCard(item.reviewId(), item.function(), masking.subjectId(item.subjectId()),
				masking.text(item.summary()), item.priority().json(),
				item.status().name().toLowerCase(), item.assignee(), item.candidateGroup(), item.confidence(),
				item.requestedAt(), item.dueAt(), item.bulkAllowed(), item.isOpen(),
				reviewer.name().equals(item.assignee()));
	}

	public int confidencePercent() {
		return (int) Math.round(confidence * 100);
	}
}
