package dev.daca.bindings.reviewcounts;

import java.time.Clock;

import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnSqlHotState;

import org.springframework.stereotype.Component;

/** Without Redis each instance reuses its own last count for the TTL: one query per TTL per replica. */
@Component
@OnSqlHotState
class InMemoryReviewQueueCounts implements ReviewQueueCounts {

	private final ReviewCountQuery query;

	private final HotStateProperties properties;

	private final Clock clock;

	private ReviewCounts last;

	InMemoryReviewQueueCounts(ReviewCountQuery query, HotStateProperties properties, Clock clock) {
		this.query = query;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public synchronized ReviewCounts current() {
		if (last == null || !clock.instant().isBefore(last.countedAt().plus(properties.reviewCountsTtl()))) {
			last = query.count();
		}
		return last;
	}
}
