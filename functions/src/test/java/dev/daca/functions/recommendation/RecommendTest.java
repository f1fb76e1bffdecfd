package dev.daca.functions.recommendation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import dev.daca.functions.engine.DecisionMeter;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.ScriptedLanguageModel;
import dev.daca.functions.engine.LanguageModelEscalation;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.engine.SentenceEmbeddings;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.review.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecommendTest {

	static final SentenceEmbeddings EMBEDDINGS = new SentenceEmbeddings();

	private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");

	private final Recommend recommend = new Recommend(EMBEDDINGS, LanguageModelEscalation.none(),
			DecisionMeter.global());

	private static ShopperEvent event(String id, EventKind kind, int hoursLater) {
		return new ShopperEvent(id, kind, T0.plusSeconds(3600L * hoursLater));
	}

	@Test
	void coldStartGivesPopularItemsAcrossCategories() {
		Recommendations r = recommend.apply(new ShopperActivity("u-new", List.of(), 8, null));
		assertThat(r.coldStart()).isTrue();
		assertThat(r.flags()).containsExactly("cold-start");
		assertThat(r.decidedBy().tier()).isEqualTo(Tier.RULES);
		assertThat(r.items()).hasSize(8);
		List<Product> catalog = ShippedData.catalog();
		Map<String, Product> byId = catalog.stream().collect(java.util.stream.Collectors.toMap(Product::id, p -> p));
		// 8 categories, 8 items: one of each, and each is the most popular of its category
		assertThat(r.items().stream().map(i -> byId.get(i.productId()).category()).distinct()).hasSize(8);
		for (RecommendedItem item : r.items()) {
			Product p = byId.get(item.productId());
			double best = catalog.stream().filter(c -> c.category().equals(p.category()))
				.mapToDouble(Product::popularity).max().orElseThrow();
			assertThat(p.popularity()).isEqualTo(best);
		}
	}

	@Test
	void neverRecommendsWhatWasBoughtAndOnlyCatalogItems() {
		Recommendations r = recommend.apply(new ShopperActivity("u1",
				List.of(event("C01", EventKind.BOUGHT, 0), event("C03", EventKind.BOUGHT, 1),
						event("NOT-IN-CATALOG", EventKind.VIEWED, 2)), 10, null));
		assertThat(r.coldStart()).isFalse();
		assertThat(r.decidedBy().tier()).isEqualTo(Tier.EMBEDDING);
		Set<String> catalog = Set.copyOf(ShippedData.catalog().stream().map(Product::id).toList());
		assertThat(r.items()).extracting(RecommendedItem::productId).doesNotContain("C01", "C03")
			.allMatch(catalog::contains);
		assertThat(r.items()).allSatisfy(i -> assertThat(i.score()).isBetween(0.0, 1.0));
		assertThat(r.items()).extracting(RecommendedItem::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
	}

	@Test
	void espressoBuyerGetsEspressoCompanionsWithReasons() {
		Recommendations r = recommend.apply(new ShopperActivity("u2",
				List.of(event("C01", EventKind.BOUGHT, 0)), 5, null));
		// the co-purchase statistics, not a rule, tie the machine to its mission: most of the list is coffee gear
		assertThat(r.items().stream().filter(i -> i.productId().startsWith("C") || i.productId().equals("K12")))
			.hasSizeGreaterThanOrEqualTo(3);
		assertThat(r.items().getFirst().reasons()).anyMatch(s -> s.startsWith("bought together with Espresso"));
		assertThat(r.confidence()).isGreaterThan(0.3);
	}

	@Test
	void aSingleOldViewIsWeakEvidence() {
		Recommendations viewed = recommend.apply(new ShopperActivity("u3",
				List.of(event("O01", EventKind.VIEWED, 0), event("X", EventKind.VIEWED, 24 * 60)), 5, null));
		Recommendations bought = recommend.apply(new ShopperActivity("u4",
				List.of(event("O01", EventKind.BOUGHT, 0), event("O02", EventKind.BOUGHT, 1)), 5, null));
		assertThat(viewed.confidence()).isLessThan(0.30).isLessThan(bought.confidence());
	}

	@Test
	void usesTheGivenCatalogOnly() {
		List<Product> catalog = List.of(
				new Product("A", "Trail running shoes", "fitness", "Grippy shoes for running on trails", BigDecimal.TEN, 0.2),
				new Product("B", "Road running shoes", "fitness", "Cushioned shoes for running on roads", BigDecimal.TEN, 0.1),
				new Product("C", "Wool blanket", "home", "Warm blanket for the sofa", BigDecimal.TEN, 0.9));
		Recommendations r = recommend.apply(new ShopperActivity("u5", List.of(event("A", EventKind.BOUGHT, 0)), 5,
				catalog));
		assertThat(r.items()).extracting(RecommendedItem::productId).containsExactly("B", "C");
		assertThat(r.items().getFirst().reasons()).anyMatch(s -> s.startsWith("similar to Trail running shoes"));
	}

	@Test
	void llmRerankCannotSneakInBoughtOrUnknownItems() {
		LanguageModel model = ScriptedLanguageModel.answering(new Recommend.LlmRanking(List.of("C01", "ZZZ", "K12")));
		Recommend withLlm = new Recommend(EMBEDDINGS, new LanguageModelEscalation(model, 1.01),
				DecisionMeter.global());
		Recommendations r = withLlm.apply(new ShopperActivity("u6", List.of(event("C01", EventKind.BOUGHT, 0)), 5,
				null));
		assertThat(r.decidedBy().tier()).isEqualTo(Tier.LLM);
		assertThat(r.items()).hasSize(5).extracting(RecommendedItem::productId).doesNotContain("C01", "ZZZ");
		assertThat(r.items().getFirst().productId()).isEqualTo("K12");
	}

	@Test
	void validatesInput() {
		assertThatThrownBy(() -> new ShopperActivity(" ", List.of(), 5, null)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("userId");
		assertThatThrownBy(() -> new ShopperActivity("u", List.of(), 51, null)).hasMessageContaining("limit");
		assertThat(new ShopperActivity("u", null, null, null).limit()).isEqualTo(5);
	}

	@Test
	void outcomeRoundTripsAsOutcome() throws Exception {
		ObjectMapper json = JsonMapper.builder().addModule(new JavaTimeModule())
			.addModule(new RecommendationConfiguration().recommendationOutcomeModule()).build();
		Recommendations r = recommend.apply(new ShopperActivity("u7", List.of(event("P07", EventKind.CARTED, 0)), 3,
				null));
		String text = json.writeValueAsString(r);
		assertThat(text).contains("\"function\":\"recommend\"");
		Outcome back = json.readValue(text, Outcome.class);
		assertThat(back).isEqualTo(r);
		assertThat(back.risk()).isEqualTo(Risk.LOW);
		assertThat(back.proposedAction().kind()).isEqualTo("show-items");
		assertThat(back.proposedAction().parameters()).containsEntry("userId", "u7")
			.containsEntry("productIds", r.items().stream().map(RecommendedItem::productId).toList());
		ShopperActivity in = json.readValue("""
				{"userId":"u8","events":[{"productId":"C01","kind":"bought","at":"2026-11-01T10:00:00Z"}],"limit":3}""",
				ShopperActivity.class);
		assertThat(in.events().getFirst().kind()).isEqualTo(EventKind.BOUGHT);
	}
}
