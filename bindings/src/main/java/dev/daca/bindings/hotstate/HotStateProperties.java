package dev.daca.bindings.hotstate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code daca.hot-state}: where the hot state lives (docs/state.md). {@code store}: {@code sql} (default: the
 * application's database, H2 or PostgreSQL) or {@code redis} (set by the {@code redis} profile). The rest applies to
 * Redis only: the prefix of every key, how long a home's device state survives without a reading, and the capped list
 * of each shopper's recent events (length, time to live after the last event). Both stores: how long a shopper's
 * latest recommendations are served ({@code recommendations-ttl}) and how long the review queue's counts are reused
 * before the next count query ({@code review-counts-ttl}).
 */
@ConfigurationProperties("daca.hot-state")
public record HotStateProperties(@DefaultValue("sql") String store, @DefaultValue("daca:") String keyPrefix,
		@DefaultValue("P7D") Duration deviceStateTtl, @DefaultValue("50") int recentEvents,
		@DefaultValue("P7D") Duration recentEventsTtl, @DefaultValue("PT1H") Duration recommendationsTtl,
		@DefaultValue("PT10S") Duration reviewCountsTtl) {

	public HotStateProperties {
		if (!store.equals("sql") && !store.equals("redis")) {
			throw new IllegalArgumentException("daca.hot-state.store must be sql or redis, not " + store);
		}
		if (recentEvents < 1) {
			throw new IllegalArgumentException("daca.hot-state.recent-events must be at least 1, not " + recentEvents);
		}
		if (recommendationsTtl.isNegative() || recommendationsTtl.isZero() || reviewCountsTtl.isNegative()
				|| reviewCountsTtl.isZero()) {
			throw new IllegalArgumentException("daca.hot-state.recommendations-ttl and review-counts-ttl must be positive");
		}
	}

	/** The Redis key of the given parts: {@code <prefix>part:part...}. */
	public String key(String... parts) {
		return keyPrefix + String.join(":", parts);
	}
}
