package dev.daca.bindings.deadletter;

/**
 * The dead-letter destination of one consumer group on one topic, as its binder lays it out. Replaying moves what
 * is in it now back to the group's input, unchanged (same CloudEvent id, so the idempotent consumer dedupes what it
 * already decided), counting replays in {@link #REPLAYS}; a letter replayed {@code maxReplays} times goes to the
 * parking lot instead, for a person to look at.
 */
interface DeadLetters {

	/** Header counting how often a dead letter has been replayed. */
	String REPLAYS = "x-daca-replays";

	/** What one replay did for one destination. */
	record Replayed(String destination, String group, String deadLetters, String parkingLot, int replayed,
			int parked) {
	}

	/** The binder this works for, as named in {@code spring.cloud.stream.binders}/{@code default-binder}. */
	String binder();

	Replayed replay(String destination, String group, int maxReplays);

	/** Headers the binder added to describe the failure: not replayed (the next failure adds its own). */
	static boolean describesFailure(String header) {
		return header.startsWith("x-exception-") || header.startsWith("x-original-")
				|| header.startsWith("kafka_dlt-");
	}

	static int replaysOf(Object header) {
		if (header == null) {
			return 0;
		}
		String value = header instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
				: header.toString();
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}
}
