package dev.daca.functions.recommendation;

import java.util.List;

import dev.daca.functions.engine.InvalidInput;

/**
 * What the recommend function is asked about: a shopper's recent events (empty for a new shopper), how many items
 * to recommend (1..50, default 5) and optionally the catalog to pick from (default: the shipped catalog).
 */
public record ShopperActivity(String userId, List<ShopperEvent> events, Integer limit, List<Product> catalog) {

	public static final int DEFAULT_LIMIT = 5;

	public ShopperActivity {
		InvalidInput.require(userId != null && !userId.isBlank(), "userId is required");
		events = events == null ? List.of() : List.copyOf(events);
		limit = limit == null ? DEFAULT_LIMIT : limit;
		InvalidInput.require(limit >= 1 && limit <= 50, "limit must be between 1 and 50");
		InvalidInput.require(catalog == null || !catalog.isEmpty(), "catalog must not be empty when given");
		catalog = catalog == null ? null : List.copyOf(catalog);
	}
}
