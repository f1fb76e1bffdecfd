package dev.daca.bindings.schedule;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;

import org.springframework.stereotype.Component;

/** Nightly retention: decided review requests and scheduled-run records older than their retention go. */
@Component
class PurgeExpiredReviews implements ScheduledJob {

	private final ReviewQueue reviews;

	private final ScheduledRuns runs;

	private final RetentionProperties retention;

	private final Clock clock;

	PurgeExpiredReviews(ReviewQueue reviews, ScheduledRuns runs, RetentionProperties retention, Clock clock) {
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
		var now = clock.instant().atZone(ZoneOffset.UTC);
		long reviewsPurged = reviews.purgeDecidedBefore(now.minus(retention.decidedReviews()).toInstant());
		long runsPurged = runs.deleteStartedBefore(now.minus(retention.scheduledRuns()).toInstant());
		return JobReport.of(Map.of("reviewsPurged", reviewsPurged, "runsPurged", runsPurged));
	}
}
