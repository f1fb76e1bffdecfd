package dev.daca.bindings.shopper;

import dev.daca.bindings.hotstate.OnSqlHotState;
import dev.daca.functions.recommendation.ShopperActivity;

import org.springframework.stereotype.Component;

/**
 * Without Redis no shopper history is kept: {@code recommend} decides on the events the message carries (the caller
 * sends the history it has). A table would do, but recent clicks are the kind of write-heavy, expendable data the
 * application's database should not carry (docs/state.md).
 */
@Component
@OnSqlHotState
class EventsInTheMessage implements RecentShopperEvents {

	@Override
	public ShopperActivity remember(ShopperActivity activity) {
		return activity;
	}
}
