package dev.daca.hitl.inbox;

import java.time.Instant;

import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.security.Reviewer;

/** One row of the inbox as a reviewer sees it (personal data masked by role). */
public record ReviewCard(String reviewId, String function, String subjectId, String summary, String priority,
		String status, String assignee, String candidateGroup, double confidence, Instant requestedAt, Instant dueAt,
		boolean bulkAllowed, boolean open, boolean mine) {

	public static ReviewCard of(ReviewItem item, Reviewer reviewer) {
		return new ReviewCard(item.reviewId(), item.function(),
				PersonalData.showsSubject(item.function(), reviewer) ? item.subjectId() : PersonalData.MASK,
				PersonalData.showsSubject(item.function(), reviewer) ? PersonalData.mask(item.summary(), reviewer)
						: PersonalData.maskSubject(PersonalData.mask(item.summary(), reviewer), item.subjectId()), item.priority().json(),
				item.status().name().toLowerCase(), item.assignee(), item.candidateGroup(), item.confidence(),
				item.requestedAt(), item.dueAt(), item.bulkAllowed(), item.isOpen(),
				reviewer.name().equals(item.assignee()));
	}

	public int confidencePercent() {
		return (int) Math.round(confidence * 100);
	}
}
