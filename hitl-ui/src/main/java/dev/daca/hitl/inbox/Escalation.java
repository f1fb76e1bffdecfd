package dev.daca.hitl.inbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled trigger of escalation: every {@code daca.hitl.escalation-interval} (default 30 s) overdue requests
 * get one step more urgent and go back to their whole candidate group.
 */
@Component
class Escalation {

	private static final Logger log = LoggerFactory.getLogger(Escalation.class);

	private final ReviewInbox inbox;

	Escalation(ReviewInbox inbox) {
		this.inbox = inbox;
	}

	@Scheduled(fixedDelayString = "${daca.hitl.escalation-interval:PT30S}", initialDelayString = "PT10S")
	void escalateOverdue() {
		int escalated = inbox.escalateOverdue(100);
		if (escalated > 0) {
			log.info("escalated {} overdue review requests", escalated);
		}
	}
}
