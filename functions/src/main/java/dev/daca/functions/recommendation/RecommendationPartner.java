package dev.daca.functions.recommendation;

import java.util.List;

/**
 * A partner's agent that recommends too (a port: the adapter, e.g. an A2A client, lives in the bindings). Its items
 * join ours in {@link Recommend}: an item we both chose gets the partner's reason, a product only the partner chose
 * competes for a place at {@link #WEIGHT} times the partner's score. A partner that fails changes nothing.
 */
public interface RecommendationPartner {

	/** How much a partner-only item's score counts against ours: ours are ranked on this shopper's own signals. */
	double WEIGHT = 0.8;

	/** One product the partner recommends, with its score in [0,1] and why. */
	record PartnerItem(String productId, double score, String reason) {
	}

	/** The partner's name, quoted in the reasons. */
	String name();

	/**
	 * What the partner recommends for this shopper.
	 * @throws RuntimeException when the partner cannot answer (then the recommendations are ours alone)
	 */
	List<PartnerItem> recommend(ShopperActivity activity);
}
