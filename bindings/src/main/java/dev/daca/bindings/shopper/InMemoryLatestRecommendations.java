package dev.daca.bindings.shopper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.daca.bindings.hotstate.HotStateProperties;
import dev.daca.bindings.hotstate.OnSqlHotState;
import dev.daca.functions.recommendation.Recommendations;

import org.springframework.stereotype.Component;

/**
 * Without Redis the latest recommendations are kept in this instance's memory: each replica serves what it computed
 * itself (a shopper's events are partitioned by user id, so mostly the same replica), for the TTL, at most
 * {@link #MAX_SHOPPERS} shoppers (the least recently kept are dropped first). Not in the database: a cache is
 * write-heavy and expendable, the system of record should not carry it (docs/state.md).
 */
@Component
@OnSqlHotState
class InMemoryLatestRecommendations implements LatestRecommendations {

	static final int MAX_SHOPPERS = 10_000;

	private record Kept(Recommendations recommendations, Instant expiresAt) {
	}

	private final Map<String, Kept> latest = new LinkedHashMap<>(256, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
			return size() > MAX_SHOPPERS;
		}
	};

	private final HotStateProperties properties;

	private final Clock clock;

	InMemoryLatestRecommendations(HotStateProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public synchronized Recommendations keep(Recommendations recommendations) {
		latest.remove(recommendations.userId()); // re-inserted last: the map's order is the order they were kept in
		latest.put(recommendations.userId(),
				new Kept(recommendations, clock.instant().plus(properties.recommendationsTtl())));
		return recommendations;
	}

	@Override
	public synchronized Optional<Recommendations> of(String userId) {
		Kept kept = latest.get(userId);
		if (kept == null) {
			return Optional.empty();
		}
		if (!clock.instant().isBefore(kept.expiresAt())) {
			latest.remove(userId);
			return Optional.empty();
		}
		return Optional.of(kept.recommendations());
	}
}
