package dev.daca.bindings.shopper;

import dev.daca.functions.recommendation.ShopperActivity;

/**
 * The memory of {@code recommendProducts} on {@code shopper.activity}: what a shopper did recently, so an event that
 * carries only the latest click still gets recommendations from the whole recent history. With
 * {@code daca.hot-state.store=redis} a capped list per shopper ({@link RedisRecentShopperEvents}); by default none
 * ({@link EventsInTheMessage}): the function sees the events the message carries, as over HTTP.
 */
public interface RecentShopperEvents {

	/** Remembers the activity's events and returns the activity to decide on: its events plus the remembered ones. */
	ShopperActivity remember(ShopperActivity activity);
}
