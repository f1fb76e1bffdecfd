package dev.daca.bindings.reviewcounts;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.daca.hitl.inbox.InboxQuery;

import org.springframework.stereotype.Component;

/**
 * {@code daca.reviews.pending{function}} and {@code daca.reviews.overdue{function}}: read through
 * {@link ReviewQueueCounts}, so a scrape costs no query while the cached count is fresh.
 */
@Component
class ReviewQueueGauges implements MeterBinder {

	private final ReviewQueueCounts counts;

	ReviewQueueGauges(ReviewQueueCounts counts) {
		this.counts = counts;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String function : InboxQuery.FUNCTIONS) {
			Gauge.builder("daca.reviews.pending", counts, c -> c.current().pending().get(function))
				.tag("function", function)
				.description("review requests waiting for a decision (pending or claimed)")
				.register(registry);
			Gauge.builder("daca.reviews.overdue", counts, c -> c.current().overdue().get(function))
				.tag("function", function)
				.description("review requests waiting for a decision past their due time")
				.register(registry);
		}
	}
}
