package dev.daca.functions.recommendation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.SentenceEmbeddings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code recommend} function: a shopper's events in, a ranked list of catalog products out.
 * <p>
 * <b>Cold start</b> (no event on a catalog product; RULES tier): the most popular products by the catalog's
 * popularity, taken round-robin across categories so the list is diversified.
 * <p>
 * <b>Personalised</b> (EMBEDDING tier): every event on a catalog product weighs {@code kind weight} (bought 1.0,
 * carted 0.6, viewed 0.3) times a recency decay {@code 0.5^(age / 14 days)}, age measured from the shopper's newest
 * event (so the answer does not depend on the wall clock). Each candidate scores
 * {@code 0.6 * co + 0.3 * content + 0.1 * popularity}, where {@code co} is the weighted mean co-purchase cosine with
 * the history ({@link CoPurchases}) and {@code content} the weighted mean cosine of the sentence embeddings of
 * name + category + description, each divided by its maximum over the candidates, so the score is in [0,1].
 * Products the shopper already interacted with are not recommended again (bought ones never).
 * <p>
 * <b>Confidence</b> is how much signal backs the list: {@code evidence * (0.3 + 0.7 * focus)}, where
 * {@code evidence = 1 - exp(-W)} grows with the summed event weight W (one fresh purchase: 0.63; a single old view:
 * under 0.26) and {@code focus} is how far the top item's score stands above the first candidate left off the list,
 * divided by {@value #FOCUS_SCALE} and capped at 1 (a history that clearly points somewhere, rather than at half the
 * catalog a little). For a cold start it is {@code 0.5 * share of listed items with a
 * popularity}: the shipped popularity list is the merchandisers' own default, neither personal nor unknown.
 * <p>
 * <b>LLM rung</b> (optional): when configured and the confidence is below its threshold, the model may reorder the
 * top {@code 2 * limit} candidates; ids it invents or that are excluded are dropped and the embedded order fills the
 * rest, so the invariants hold whatever it answers. On any failure the embedded list stands.
 */
public class Recommend implements Function<ShopperActivity, Recommendations> {

	private static final Logger log = LoggerFactory.getLogger(Recommend.class);

	static final Duration HALF_LIFE = Duration.ofDays(14);

	static final double CO_WEIGHT = 0.6;

	static final double CONTENT_WEIGHT = 0.3;

	static final double POPULARITY_WEIGHT = 0.1;

	/** A top item this far above the first candidate left off the list is fully focused. */
	static final double FOCUS_SCALE = 0.5;

	/** Below this cosine, content similarity is not worth a reason. */
	static final double SIMILAR_REASON = 0.45;

	static final String INSTRUCTIONS = """
			You rerank product recommendations for an online shop. You get the shopper's recent events and a list \
			of candidate products (id: name, category). Answer with productIds: the candidate ids in the order the \
			shopper is most likely to want them, best first. Use only ids from the candidate list.""";

	/** The model's answer: candidate ids, best first. */
	record LlmRanking(List<String> productIds) {
	}

	private final List<Product> shippedCatalog;

	private final CoPurchases coPurchases;

	private final SentenceEmbeddings embeddings;

	private final LanguageModelEscalation llm;

	private final DecisionMeter meter;

	private final List<RecommendationPartner> partners;

	public Recommend(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter) {
		this(ShippedData.catalog(), new CoPurchases(ShippedData.baskets()), embeddings, llm, meter);
	}

	/** With partners' agents whose recommendations join ours (see {@link RecommendationPartner}). */
	public Recommend(SentenceEmbeddings embeddings, LanguageModelEscalation llm, DecisionMeter meter,
			List<RecommendationPartner> partners) {
		this(ShippedData.catalog(), new CoPurchases(ShippedData.baskets()), embeddings, llm, meter, partners);
	}

	Recommend(List<Product> shippedCatalog, CoPurchases coPurchases, SentenceEmbeddings embeddings,
			LanguageModelEscalation llm, DecisionMeter meter) {
		this(shippedCatalog, coPurchases, embeddings, llm, meter, List.of());
	}

	private Recommend(List<Product> shippedCatalog, CoPurchases coPurchases, SentenceEmbeddings embeddings,
			LanguageModelEscalation llm, DecisionMeter meter, List<RecommendationPartner> partners) {
		this.partners = List.copyOf(partners);
		this.shippedCatalog = List.copyOf(shippedCatalog);
		this.coPurchases = coPurchases;
		this.embeddings = embeddings;
		this.llm = llm;
		this.meter = meter;
	}

	/** Embed the shipped catalog now (the vectors are cached), so the first shopper does not wait. */
	public void warmUp() {
		embeddings.embedAll(shippedCatalog.stream().map(Product::text).toList());
	}

	@Override
	public Recommendations apply(ShopperActivity activity) {
		InvalidInput.require(activity != null, "shopper activity is required");
		Map<String, Product> catalog = new LinkedHashMap<>();
		for (Product p : activity.catalog() != null ? activity.catalog() : shippedCatalog) {
			catalog.putIfAbsent(p.id(), p);
		}
		Map<String, Signal> history = historyOf(activity.events(), catalog);
		Set<String> interacted = activity.events().stream().map(ShopperEvent::productId).collect(Collectors.toSet());
		List<Product> candidates = catalog.values().stream().filter(p -> !interacted.contains(p.id())).toList();
		Recommendations result = history.isEmpty() ? popular(activity, candidates)
				: personalised(activity, catalog, history, candidates);
		for (RecommendationPartner partner : partners) {
			result = withPartner(partner, activity, result, candidates);
		}
		meter.record(Recommendations.FUNCTION, result.decidedBy());
		return result;
	}

	/**
	 * Our items and the partner's: a shared item gets the partner's reason, a candidate only the partner chose
	 * competes at {@link RecommendationPartner#WEIGHT} times its score; the best {@code limit} stay. A partner that
	 * fails, or names products that are not candidates here, adds nothing.
	 */
	private static Recommendations withPartner(RecommendationPartner partner, ShopperActivity activity,
			Recommendations ours, List<Product> candidates) {
		List<RecommendationPartner.PartnerItem> theirs;
		try {
			theirs = partner.recommend(activity);
		}
		catch (RuntimeException ex) {
			log.warn("{} did not recommend for {}: {}", partner.name(), activity.userId(), ex.toString());
			return ours;
		}
		Map<String, Product> candidatesById = new LinkedHashMap<>();
		candidates.forEach(p -> candidatesById.put(p.id(), p));
		Map<String, RecommendedItem> merged = new LinkedHashMap<>();
		ours.items().forEach(item -> merged.put(item.productId(), item));
		for (RecommendationPartner.PartnerItem item : theirs == null ? List.<RecommendationPartner.PartnerItem>of()
				: theirs) {
			Product product = item == null ? null : candidatesById.get(item.productId());
			if (product == null || !(item.score() >= 0 && item.score() <= 1)) {
				continue;
			}
			String reason = partner.name() + " recommends it" + (item.reason() == null || item.reason().isBlank() ? ""
					: ": " + item.reason());
			RecommendedItem shared = merged.get(product.id());
			if (shared != null) {
				List<String> reasons = new ArrayList<>(shared.reasons());
				reasons.add(reason);
				merged.put(product.id(), new RecommendedItem(shared.productId(), shared.name(), shared.score(), reasons));
			}
			else {
				merged.put(product.id(), new RecommendedItem(product.id(), product.name(),
						round3(item.score() * RecommendationPartner.WEIGHT), List.of(reason)));
			}
		}
		return ours.withItems(merged.values().stream()
			.sorted(Comparator.comparingDouble(RecommendedItem::score).reversed())
			.limit(activity.limit())
			.toList());
	}

	/** What the history says about one product: its decayed weight and the strongest thing the shopper did. */
	record Signal(Product product, double weight, EventKind strongest) {
	}

	private static Map<String, Signal> historyOf(List<ShopperEvent> events, Map<String, Product> catalog) {
		Instant newest = events.stream()
			.map(ShopperEvent::at)
			.filter(java.util.Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(Instant.EPOCH);
		Map<String, Signal> history = new TreeMap<>();
		for (ShopperEvent e : events) {
			Product p = catalog.get(e.productId());
			if (p == null) {
				continue;
			}
			double age = e.at() == null ? 0
					: Math.max(0, Duration.between(e.at(), newest).toSeconds()) / (double) HALF_LIFE.toSeconds();
			double w = e.kind().weight() * Math.pow(0.5, age);
			history.merge(p.id(), new Signal(p, w, e.kind()), (a, b) -> new Signal(p, a.weight() + b.weight(),
					a.strongest().compareTo(b.strongest()) >= 0 ? a.strongest() : b.strongest()));
		}
		return history;
	}

	/** Cold start: popular items, round-robin across categories (each category's best first). */
	private Recommendations popular(ShopperActivity activity, List<Product> candidates) {
		Map<String, List<Product>> byCategory = new LinkedHashMap<>();
		candidates.stream()
			.sorted(Comparator.comparingDouble(Product::popularity).reversed().thenComparing(Product::id))
			.forEach(p -> byCategory.computeIfAbsent(p.category(), k -> new ArrayList<>()).add(p));
		List<RecommendedItem> items = new ArrayList<>();
		for (int round = 0; items.size() < activity.limit() && !byCategory.isEmpty(); round++) {
			final int r = round;
			List<Product> layer = byCategory.values().stream().filter(l -> l.size() > r).map(l -> l.get(r)).toList();
			if (layer.isEmpty()) {
				break;
			}
			for (Product p : layer) {
				if (items.size() < activity.limit()) {
					items.add(new RecommendedItem(p.id(), p.name(), p.popularity(),
							List.of("popular in " + p.category())));
				}
			}
		}
		double withPopularity = items.isEmpty() ? 0
				: items.stream().filter(i -> i.score() > 0).count() / (double) items.size();
		return new Recommendations(activity.userId(), items, true, round3(0.5 * withPopularity),
				DecidedBy.rules("popularity-diversified"));
	}

	private Recommendations personalised(ShopperActivity activity, Map<String, Product> catalog,
			Map<String, Signal> history, List<Product> candidates) {
		List<Product> all = List.copyOf(catalog.values());
		Map<String, float[]> vectors = new HashMap<>();
		List<float[]> embedded = embeddings.embedAll(all.stream().map(Product::text).toList());
		for (int i = 0; i < all.size(); i++) {
			vectors.put(all.get(i).id(), embedded.get(i));
		}
		double totalWeight = history.values().stream().mapToDouble(Signal::weight).sum();
		List<Scored> scored = new ArrayList<>();
		for (Product c : candidates) {
			double co = 0;
			double content = 0;
			Signal bestCo = null;
			Signal bestContent = null;
			double bestCoPart = 0;
			double bestContentPart = 0;
			for (Signal s : history.values()) {
				double coPart = s.weight() * coPurchases.similarity(s.product().id(), c.id());
				double cos = Math.max(0, SentenceEmbeddings.cosine(vectors.get(s.product().id()), vectors.get(c.id())));
				co += coPart;
				content += s.weight() * cos;
				if (coPart > bestCoPart) {
					bestCoPart = coPart;
					bestCo = s;
				}
				if (cos >= SIMILAR_REASON && s.weight() * cos > bestContentPart) {
					bestContentPart = s.weight() * cos;
					bestContent = s;
				}
			}
			scored.add(new Scored(c, co / totalWeight, content / totalWeight, bestCo, bestContent));
		}
		double maxCo = scored.stream().mapToDouble(Scored::co).max().orElse(0);
		double maxContent = scored.stream().mapToDouble(Scored::content).max().orElse(0);
		List<RecommendedItem> ranked = scored.stream()
			.map(s -> s.toItem(maxCo, maxContent))
			.sorted(Comparator.comparingDouble(RecommendedItem::score).reversed()
				.thenComparing(RecommendedItem::productId))
			.toList();
		List<RecommendedItem> items = ranked.subList(0, Math.min(activity.limit(), ranked.size()));
		double evidence = 1 - Math.exp(-totalWeight);
		double firstLeftOut = ranked.size() > items.size() ? ranked.get(items.size()).score() : 0;
		double focus = items.isEmpty() ? 0 : Math.clamp((items.getFirst().score() - firstLeftOut) / FOCUS_SCALE, 0, 1);
		Recommendations result = new Recommendations(activity.userId(), items, false,
				round3(evidence * (0.3 + 0.7 * focus)), DecidedBy.embedding("co-purchase+content-similarity"));
		if (llm.wants(result.confidence())) {
			List<RecommendedItem> shortlist = ranked.subList(0, Math.min(2 * activity.limit(), ranked.size()));
			return llm.ask(INSTRUCTIONS, promptOf(history, shortlist, catalog), LlmRanking.class,
					answer -> result.withDecidedBy(llm.decidedBy())
						.withItems(reranked(answer, shortlist, activity.limit())),
					reason -> result.withDecidedBy(result.decidedBy().fellBackBecause(reason)));
		}
		return result;
	}

	/** The model's order over the shortlist; anything it invents is dropped, the embedded order fills the rest. */
	static List<RecommendedItem> reranked(LlmRanking answer, List<RecommendedItem> shortlist, int limit) {
		Map<String, RecommendedItem> byId = new LinkedHashMap<>();
		shortlist.forEach(i -> byId.put(i.productId(), i));
		Set<String> order = new LinkedHashSet<>();
		for (String id : answer.productIds() == null ? List.<String>of() : answer.productIds()) {
			if (byId.containsKey(id)) {
				order.add(id);
			}
		}
		InvalidInput.require(!order.isEmpty(), "no known candidate id in the ranking");
		order.addAll(byId.keySet());
		return order.stream().limit(limit).map(byId::get).toList();
	}

	private static String promptOf(Map<String, Signal> history, List<RecommendedItem> shortlist,
			Map<String, Product> catalog) {
		StringBuilder prompt = new StringBuilder("Shopper events:\n");
		history.values().forEach(s -> prompt.append("- ").append(s.strongest().verb()).append(' ')
			.append(s.product().name()).append('\n'));
		prompt.append("Candidates:\n");
		shortlist.forEach(i -> prompt.append("- ").append(i.productId()).append(": ").append(i.name()).append(", ")
			.append(catalog.get(i.productId()).category()).append('\n'));
		return prompt.toString();
	}

	private record Scored(Product product, double co, double content, Signal bestCo, Signal bestContent) {

		RecommendedItem toItem(double maxCo, double maxContent) {
			double score = CO_WEIGHT * (maxCo > 0 ? co / maxCo : 0)
					+ CONTENT_WEIGHT * (maxContent > 0 ? content / maxContent : 0)
					+ POPULARITY_WEIGHT * product.popularity();
			List<String> reasons = new ArrayList<>();
			if (bestCo != null) {
				reasons.add("bought together with " + bestCo.product().name());
			}
			if (bestContent != null) {
				reasons.add("similar to " + bestContent.product().name() + " you " + bestContent.strongest().verb());
			}
			if (product.popularity() >= 0.5 || reasons.isEmpty()) {
				reasons.add("popular in " + product.category());
			}
			return new RecommendedItem(product.id(), product.name(), round3(Math.min(1, score)), reasons);
		}
	}

	static double round3(double x) {
		return Math.round(x * 1000) / 1000.0;
	}
}
