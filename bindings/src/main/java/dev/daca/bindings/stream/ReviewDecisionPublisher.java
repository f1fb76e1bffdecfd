package dev.daca.bindings.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.decision.ReviewDecided;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Puts a person's decision on the topic {@code review.decided} as a CloudEvent, after the decision is committed
 * (never an event for a decision that was rolled back). The decision row is the outbox: it is marked published
 * only when the broker acknowledged the send; if the send fails or the process stops first, the inbox's relay
 * publishes the same decision again (same event id) until it is.
 */
@Component
class ReviewDecisionPublisher {

	static final String BINDING = "reviewDecided-out-0";

	private static final Logger log = LoggerFactory.getLogger(ReviewDecisionPublisher.class);

	private final StreamBridge bridge;

	private final EventProcessing events;

	private final Decisions decisions;

	private final ObjectMapper json;

	ReviewDecisionPublisher(StreamBridge bridge, EventProcessing events, Decisions decisions, ObjectMapper json) {
		this.bridge = bridge;
		this.events = events;
		this.decisions = decisions;
		this.json = json;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void decided(ReviewDecided decided) {
		try {
			boolean sent = bridge.send(BINDING, events.newEvent(decided.decisionId(), EventTypes.REVIEW_DECIDED,
					decided.subjectId(), json.writeValueAsBytes(decided)));
			if (sent) {
				decisions.markPublished(decided.decisionId());
			}
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.warn("review.decided for {} not sent yet, the outbox will retry: {}", decided.reviewId(),
					ex.getMessage());
		}
	}
}
