package dev.daca.functions.recommendation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Item-item co-occurrence learned from anonymous baskets: how often two products were bought together, as the
 * cosine of their co-purchase counts, {@code n(a,b) / sqrt(n(a) * n(b))} in [0,1]. Computed once at start.
 */
final class CoPurchases {

	/** Pairs seen fewer times than this are noise, not evidence. */
	static final int MIN_SUPPORT = 2;

	private final Map<String, Integer> counts = new HashMap<>();

	private final Map<String, Map<String, Integer>> pairs = new HashMap<>();

	CoPurchases(List<List<String>> baskets) {
		for (List<String> basket : baskets) {
			Set<String> items = new TreeSet<>(basket);
			for (String a : items) {
				counts.merge(a, 1, Integer::sum);
				for (String b : items) {
					if (!a.equals(b)) {
						pairs.computeIfAbsent(a, k -> new HashMap<>()).merge(b, 1, Integer::sum);
					}
				}
			}
		}
	}

	/** Cosine of co-purchase counts; 0 when the pair has less than {@link #MIN_SUPPORT} baskets. */
	double similarity(String a, String b) {
		int together = pairs.getOrDefault(a, Map.of()).getOrDefault(b, 0);
		if (together < MIN_SUPPORT) {
			return 0;
		}
		return together / Math.sqrt((double) counts.get(a) * counts.get(b));
	}

	int basketsWith(String productId) {
		return counts.getOrDefault(productId, 0);
	}
}
