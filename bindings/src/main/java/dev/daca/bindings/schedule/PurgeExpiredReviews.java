package dev.daca.bindings.schedule;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import dev.daca.hitl.privacy.RetentionPurge;

import org.springframework.stereotype.Component;

/**
 * Nightly retention, the one path for it: closed review requests past {@code daca.hitl.retention} go through the
 * inbox's {@link RetentionPurge} (decisions with them, never one whose event is unsent, audit kept), and
 * scheduled-run records past {@code daca.retention.scheduled-runs}. As a scheduled function it fires on one replica.
 */
@Component
class PurgeExpiredReviews implements ScheduledJob {

	private final RetentionPurge reviews;

	private final ScheduledRuns runs;

	private final RetentionProperties retention;

	private final Clock clock;

	PurgeExpiredReviews(RetentionPurge reviews, ScheduledRuns runs, RetentionProperties retention, Clock clock) {
		this.reviews = reviews;
		this.runs = runs;
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "purge-expired-reviews";
	}

	@Override
	public JobReport run() {
		long reviewsPurged = reviews.purge();
		var now = clock.instant().atZone(ZoneOffset.UTC);
		long runsPurged = runs.deleteStartedBefore(now.minus(retention.scheduledRuns()).toInstant());
		return JobReport.of(Map.of("reviewsPurged", reviewsPurged, "runsPurged", runsPurged));
	}
}
