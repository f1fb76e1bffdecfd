package dev.daca.bindings.shopper;

import java.util.Optional;

import dev.daca.functions.recommendation.Recommendations;

/**
 * The latest recommendations per shopper, a cache with a time to live ({@code daca.hot-state.recommendations-ttl},
 * default one hour): kept by {@code recommendProducts} on the topic path and by the {@code dapr} profile's
 * recommendation workflow, read by {@code GET /api/shoppers/{userId}/recommendations}. With
 * {@code daca.hot-state.store=redis} one key per shopper, shared by every replica ({@link RedisLatestRecommendations});
 * by default in this instance's memory ({@link InMemoryLatestRecommendations}). Expendable: the next event recomputes
 * it. Docs: docs/state.md.
 */
public interface LatestRecommendations {

	/** Keeps them as the shopper's latest (replacing any older ones, for the TTL); returns them, to compose. */
	Recommendations keep(Recommendations recommendations);

	/** The shopper's latest recommendations, or empty when none were made within the TTL. */
	Optional<Recommendations> of(String userId);
}
