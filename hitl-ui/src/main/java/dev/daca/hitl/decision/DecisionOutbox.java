package dev.daca.hitl.decision;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The relay of the outbox: a decision whose {@code review.decided} event did not reach the topic (the broker was
 * down, the process stopped between commit and send) is published again, with the same id, until it is marked
 * published. Consumers dedupe on the event id.
 */
@Component
class DecisionOutbox {

	private final Decisions decisions;

	private final ApplicationEventPublisher events;

	private final Duration grace;

	/** @param grace how old an unpublished decision must be before it is re-sent (its first send may be under way) */
	DecisionOutbox(Decisions decisions, ApplicationEventPublisher events,
			@Value("${daca.hitl.outbox-grace:PT10S}") Duration grace) {
		this.decisions = decisions;
		this.events = events;
		this.grace = grace;
	}

	@Scheduled(fixedDelayString = "${daca.hitl.outbox-interval:PT15S}",
			initialDelayString = "${daca.hitl.outbox-interval:PT15S}")
	void resend() {
		decisions.unpublished(grace, 100).forEach(events::publishEvent);
	}
}
