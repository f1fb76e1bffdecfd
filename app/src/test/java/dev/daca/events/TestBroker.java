package dev.daca.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the pipeline scenario needs from a broker, spoken with the broker's own client (not through the app): publish
 * a CloudEvent, watch a topic, read a dead-letter destination. One implementation per binder.
 */
interface TestBroker extends AutoCloseable {

	/** A binary-mode CloudEvent as a producer outside the app would send it. */
	record Event(String id, String type, String subject, byte[] data) {
	}

	/** A message read back, with its CloudEvent attributes under their plain names (id, type, subject, ...). */
	record Received(Map<String, String> attributes, String key, byte[] data, Map<String, String> headers) {

		String id() {
			return attributes.get("id");
		}

		String subject() {
			return attributes.get("subject");
		}

		String attribute(String name) {
			return attributes.get(name);
		}

		String header(String name) {
			return headers.get(name);
		}
	}

	/**
	 * Watches a topic from now on (Kafka: from its start, filtered). Everything read is kept until an
	 * {@link #await} claims it, so waiting for one subject does not lose another's events. Close it when done.
	 */
	abstract class Tap implements AutoCloseable {

		private final List<Received> unclaimed = new java.util.ArrayList<>();

		/** What arrived since the last call, waiting at most about half a second. */
		protected abstract List<Received> poll();

		/** At least {@code count} events about {@code subject}, plus any more that arrive in a short grace period. */
		public List<Received> await(String subject, int count, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (matching(subject) < count && System.nanoTime() < deadline) {
				unclaimed.addAll(poll());
			}
			// a little longer, to see duplicates that should not be there
			long grace = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			while (System.nanoTime() < grace) {
				unclaimed.addAll(poll());
			}
			List<Received> found = unclaimed.stream().filter(r -> subject.equals(r.subject())).toList();
			unclaimed.removeAll(found);
			return found;
		}

		private long matching(String subject) {
			return unclaimed.stream().filter(r -> subject.equals(r.subject())).count();
		}

		@Override
		public abstract void close();
	}

	void publish(String topic, Event event);

	Tap tap(String topic);

	/** The dead letters of a consumer group on a topic, among them those with the given event ids. */
	List<Received> deadLetters(String topic, String group, Set<String> ids, Duration timeout);

	/** The parked letters (replayed too often) of a consumer group on a topic with the given event ids. */
	List<Received> parked(String topic, String group, Set<String> ids, Duration timeout);

	/**
	 * Puts an event straight into a group's dead-letter destination, the way the binder does when a delivery fails
	 * (original headers plus the error): a failure whose cause has since gone away.
	 */
	void deadLetter(String topic, String group, Event event, String reason);

	@Override
	void close();
}
