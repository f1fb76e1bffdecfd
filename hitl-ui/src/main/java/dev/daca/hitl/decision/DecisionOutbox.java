package dev.daca.hitl.decision;

import java.time.Duration;

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

	DecisionOutbox(Decisions decisions, ApplicationEventPublisher events) {
		this.decisions = decisions;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${daca.hitl.outbox-interval:PT15S}", initialDelayString = "PT15S")
	void resend() {
		decisions.unpublished(Duration.ofSeconds(10), 100).forEach(events::publishEvent);
	}
}
