package dev.daca.functions.recommendation;

import java.util.List;

import dev.daca.functions.engine.InvalidInput;

/** One recommended product, with its score in [0,1] and why it was chosen. */
public record RecommendedItem(String productId, String name, double score, List<String> reasons) {

	public RecommendedItem {
		InvalidInput.require(productId != null && !productId.isBlank(), "items[].productId is required");
		InvalidInput.require(score >= 0 && score <= 1, "items[].score must be in [0,1]");
		reasons = reasons == null ? List.of() : List.copyOf(reasons);
	}
}
