package dev.daca.functions.recommendation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.ReviewPolicies;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leave-last-item-out on held-out synthetic sessions (the generator with a seed the shipped baskets did not use):
 * the history is every item but the last, the task is to put the last one in the top 5. Compared with a popularity
 * baseline (the 5 most popular catalog items the shopper has not touched). Writes target/eval/recommend.md.
 */
class RecommendEvaluationTest {

	private static final int SESSIONS = 600;

	private static final int K = 5;

	@Test
	void beatsPopularityOnHeldOutSessions() throws IOException {
		List<Product> catalog = ShippedData.catalog();
		Set<String> catalogIds = Set.copyOf(catalog.stream().map(Product::id).toList());
		Recommend recommend = new Recommend(RecommendTest.EMBEDDINGS, LanguageModelEscalation.none(),
				DecisionMeter.global());
		recommend.warmUp();
		double threshold = ReviewPolicies.from(getClass().getResourceAsStream("/review/review-policy.yml")).current()
			.ruleFor("recommend").orElseThrow().belowConfidence();
		Random order = new Random(3);
		List<List<String>> sessions = new SyntheticBaskets(catalog).generate(SyntheticBaskets.HELD_OUT_SEED, SESSIONS)
			.stream().filter(s -> s.size() >= 2).map(s -> shuffled(s, order)).toList();
		Random kinds = new Random(11);
		Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
		int hits = 0, baselineHits = 0, automatic = 0, automaticHits = 0;
		double reciprocalRank = 0;
		long nanos = 0;
		Map<Tier, Integer> tiers = new EnumMap<>(Tier.class);
		List<double[]> confidenceAndHit = new ArrayList<>();
		for (List<String> session : sessions) {
			List<ShopperEvent> events = new ArrayList<>();
			for (int i = 0; i < session.size() - 1; i++) {
				events.add(new ShopperEvent(session.get(i), EventKind.values()[kinds.nextInt(3)],
						t0.plusSeconds(3600L * i)));
			}
			String target = session.getLast();
			long start = System.nanoTime();
			Recommendations r = recommend.apply(new ShopperActivity("eval", events, K, null));
			nanos += System.nanoTime() - start;
			tiers.merge(r.decidedBy().tier(), 1, Integer::sum);
			List<String> ids = r.items().stream().map(RecommendedItem::productId).toList();
			// invariants: nothing bought again, nothing outside the catalog
			Set<String> bought = Set.copyOf(events.stream().filter(e -> e.kind() == EventKind.BOUGHT)
				.map(ShopperEvent::productId).toList());
			assertThat(ids).noneMatch(bought::contains).allMatch(catalogIds::contains).hasSize(K);
			boolean hit = ids.contains(target);
			hits += hit ? 1 : 0;
			confidenceAndHit.add(new double[] { r.confidence(), hit ? 1 : 0 });
			reciprocalRank += hit ? 1.0 / (ids.indexOf(target) + 1) : 0;
			if (r.confidence() >= threshold) {
				automatic++;
				automaticHits += hit ? 1 : 0;
			}
			List<String> touched = session.subList(0, session.size() - 1);
			List<String> popular = catalog.stream().filter(p -> !touched.contains(p.id()))
				.sorted(Comparator.comparingDouble(Product::popularity).reversed()).limit(K).map(Product::id).toList();
			baselineHits += popular.contains(target) ? 1 : 0;
		}
		int n = sessions.size();
		int reviewed = n - automatic;
		int reviewedHits = hits - automaticHits;
		String report = """
				# recommend: evaluation

				Leave-last-item-out on %d held-out **synthetic** sessions (generator `SyntheticBaskets`, seed %d; the \
				co-purchase statistics come from the shipped baskets, seed %d). History = every item of a session but \
				the last, each as a random viewed/carted/bought event an hour apart; target = the last item. The \
				sessions come from the same mission-based process as the baskets, so this measures how well the engine \
				recovers that structure, not how real shoppers behave.

				| method | hit-rate@%d (= recall@%d, one target) | MRR@%d |
				| --- | --- | --- |
				| co-purchase + content embedding (engine) | %s | %.3f |
				| popularity baseline (top %d untouched by popularity) | %s | - |

				Review policy threshold (recommend below-confidence): %.2f
				- taken on its own (confidence >= threshold): %s of lists, hit-rate@%d %s
				- sent to merchandisers (confidence < threshold): %s of lists, hit-rate@%d %s
				- tiers: %s
				- mean latency per call (embedded catalog cached, this machine): %.2f ms (reported, not asserted)

				Invariants checked on every list: no bought item, every item in the catalog, %d items.
				""".formatted(n, SyntheticBaskets.HELD_OUT_SEED, SyntheticBaskets.SHIPPED_SEED, K, K, K,
				pct(hits, n), reciprocalRank / n, K, pct(baselineHits, n), threshold, pct(automatic, n), K,
				pct(automaticHits, automatic), pct(reviewed, n), K, pct(reviewedHits, reviewed), tiers,
				nanos / 1e6 / n, K);
		report += automatic > 0 && reviewed > 0 && (double) reviewedHits / reviewed >= (double) automaticHits / automatic
				? "\nHonest note: confidence measures how much signal backs a list (event weight, co-purchase support); "
						+ "on this set it did NOT separate better lists from worse ones (the low-confidence lists hit as "
						+ "often or more). It routes thin-evidence lists to merchandisers; it is not a calibrated "
						+ "probability of a hit.\n"
				: "\nLists taken on their own hit more often than those sent to review.\n";
		confidenceAndHit.sort(Comparator.comparingDouble(x -> x[0]));
		StringBuilder quartiles = new StringBuilder("\n| confidence quartile | range | hit-rate@" + K + " |\n| --- | --- | --- |\n");
		for (int q = 0; q < 4; q++) {
			List<double[]> part = confidenceAndHit.subList(q * n / 4, (q + 1) * n / 4);
			quartiles.append(String.format(Locale.ROOT, "| Q%d | %.2f..%.2f | %.1f%% |%n", q + 1, part.getFirst()[0],
					part.getLast()[0], 100 * part.stream().mapToDouble(x -> x[1]).average().orElse(0)));
		}
		report += quartiles;
		Path out = Path.of("target/eval/recommend.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
		assertThat(hits).as("engine hits vs popularity baseline").isGreaterThan(baselineHits);
	}

	private static String pct(int part, int whole) {
		return whole == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * part / whole, part, whole);
	}

	/** A basket has no order: the held-out item is a random one of it, not the generator's last draw (often noise). */
	static List<String> shuffled(List<String> basket, Random random) {
		List<String> copy = new java.util.ArrayList<>(basket);
		java.util.Collections.shuffle(copy, random);
		return copy;
	}
}
