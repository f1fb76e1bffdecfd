package dev.daca.bindings.shopper;

import dev.daca.functions.recommendation.Recommendations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A shopper's latest recommendations, as the topic path or the recommendation workflow last made them. */
@RestController
class ShopperRecommendationsApi {

	private final LatestRecommendations latest;

	ShopperRecommendationsApi(LatestRecommendations latest) {
		this.latest = latest;
	}

	/** The latest {@link Recommendations}, or 404 (RFC 7807) when none were made within the TTL. */
	@GetMapping("/api/shoppers/{userId}/recommendations")
	Recommendations latest(@PathVariable String userId) {
		return latest.of(userId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no recommendations for shopper " + userId + " within daca.hot-state.recommendations-ttl"));
	}
}
