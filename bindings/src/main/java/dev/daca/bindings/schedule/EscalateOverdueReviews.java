package dev.daca.bindings.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Every minute: a pending review past its due time goes one priority up (low, normal, high, urgent) and is due again
 * after the deadline it was first given. An urgent one stays urgent (counted).
 */
@Component
class EscalateOverdueReviews implements ScheduledJob {

	private final ReviewQueue reviews;

	private final Clock clock;

	EscalateOverdueReviews(ReviewQueue reviews, Clock clock) {
		this.reviews = reviews;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "escalate-overdue-reviews";
	}

	@Override
	public JobReport run() {
		Instant now = clock.instant();
		long overdue = 0;
		long escalated = 0;
		long alreadyUrgent = 0;
		for (ReviewQueue.Overdue review : reviews.overdue(now)) {
			overdue++;
			if (review.priority() >= ReviewQueue.URGENT) {
				alreadyUrgent++;
			}
			else if (reviews.escalate(review, now)) {
				escalated++;
			}
		}
		return JobReport.of(Map.of("overdue", overdue, "escalated", escalated, "alreadyUrgent", alreadyUrgent));
	}
}
