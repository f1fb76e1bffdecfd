package dev.daca.bindings.schedule;

import java.time.Instant;
import java.util.Map;

/** One recorded run. {@code outcome}: running, succeeded, failed, skipped (another run held the job's lock). */
public record ScheduledRun(long runId, String job, String trigger, String instance, Instant startedAt,
		Instant finishedAt, String outcome, Map<String, Long> counts, String note) {

	public static final String SUCCEEDED = "succeeded";

	public static final String FAILED = "failed";

	public static final String SKIPPED = "skipped";

	public static final String RUNNING = "running";
}
