package dev.daca.functions.recommendation;

import java.time.Instant;

import dev.daca.functions.engine.InvalidInput;

/**
 * One thing a shopper did: viewed, carted or bought a product, at a time. {@code at} is optional: an event without a
 * time counts as recent (no decay).
 */
public record ShopperEvent(String productId, EventKind kind, Instant at) {

	public ShopperEvent {
		InvalidInput.require(productId != null && !productId.isBlank(), "events[].productId is required");
		InvalidInput.require(kind != null, "events[].kind is required (viewed, carted or bought)");
	}
}
