package dev.daca.bindings.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exactly-once in effect for at-least-once delivery: each consumer decides an event id once. The first delivery
 * runs the decision and records its output in the same transaction; every later delivery of the same id (redelivery,
 * a rebalance, a replay, a racing replica) gets the recorded output back without deciding again.
 */
@Component
public class EventLedger {

	/** What a consumer emitted for an event: nothing, or one output event. */
	public record Emitted(String eventId, String type, String subject, String payload) {
		public static final Emitted NOTHING = new Emitted(null, null, null, null);

		public boolean isNothing() {
			return eventId == null;
		}
	}

	private final ProcessedEvents events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final StoreOutage outage;

	EventLedger(ProcessedEvents events, TransactionTemplate transactions, Clock clock, StoreOutage outage) {
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.outage = outage;
	}

	/**
	 * Decide {@code eventId} once for {@code consumer}. {@code decision} runs inside the transaction that records
	 * it, so a state change it makes through Spring Data commits or rolls back with the record. While the database
	 * is unreachable it waits for it ({@link StoreOutage}) rather than fail the event into the dead-letter queue.
	 */
	public Emitted once(String consumer, String eventId, String eventType, String subject, Supplier<Emitted> decision) {
		return outage.rideOut(consumer + " " + eventId, () -> decide(consumer, eventId, eventType, subject, decision));
	}

	private Emitted decide(String consumer, String eventId, String eventType, String subject,
			Supplier<Emitted> decision) {
		Optional<Emitted> earlier = recorded(consumer, eventId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		try {
			return transactions.execute(status -> {
				Emitted emitted = decision.get();
				events.saveAndFlush(new ProcessedEvent(consumer, eventId, eventType, subject, emitted.eventId(),
						emitted.type(), emitted.subject(), emitted.payload(), clock.instant()));
				return emitted;
			});
		}
		catch (DataIntegrityViolationException raced) {
			// another delivery of the same event committed first: its output is the one
			return recorded(consumer, eventId).orElseThrow(() -> raced);
		}
	}

	public Optional<Emitted> recorded(String consumer, String eventId) {
		return events.findById(new ProcessedEvent.Key(consumer, eventId))
			.map(e -> e.outputEventId() == null ? Emitted.NOTHING
					: new Emitted(e.outputEventId(), e.outputType(), e.outputSubject(), e.outputPayload()));
	}

	public List<ProcessedEvent> processingOf(String eventId) {
		return events.findByEventIdOrderByProcessedAt(eventId);
	}
}
