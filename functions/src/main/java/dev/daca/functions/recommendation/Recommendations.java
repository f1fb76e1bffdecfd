package dev.daca.functions.recommendation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnore;

import dev.daca.functions.engine.DecidedBy;
import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ProposedAction;

/**
 * The recommend function's outcome: a ranked list of products for one shopper. {@code coldStart} is true when the
 * shopper had no usable history and the list is the popular items, diversified across categories.
 * {@code confidence} is how much signal backs the list (see {@link Recommend}).
 */
public record Recommendations(String userId, List<RecommendedItem> items, boolean coldStart, double confidence,
		DecidedBy decidedBy) implements Outcome {

	public static final String FUNCTION = "recommend";

	public Recommendations {
		InvalidInput.require(userId != null && !userId.isBlank(), "userId is required");
		items = items == null ? List.of() : List.copyOf(items);
		InvalidInput.require(confidence >= 0 && confidence <= 1, "confidence must be in [0,1]");
		InvalidInput.require(decidedBy != null, "decidedBy is required");
	}

	Recommendations withDecidedBy(DecidedBy by) {
		return new Recommendations(userId, items, coldStart, confidence, by);
	}

	Recommendations withItems(List<RecommendedItem> reordered) {
		return new Recommendations(userId, reordered, coldStart, confidence, decidedBy);
	}

	@Override
	public String function() {
		return FUNCTION;
	}

	@Override
	@JsonIgnore
	public String subjectId() {
		return userId;
	}

	@Override
	@JsonIgnore
	public Risk risk() {
		return Risk.LOW;
	}

	@Override
	@JsonIgnore
	public Set<String> flags() {
		return coldStart ? Set.of("cold-start") : Set.of();
	}

	@Override
	@JsonIgnore
	public String summary() {
		return (coldStart ? "popular items for new shopper " : "recommendations for ") + userId + ": "
				+ String.join(", ", items.stream().map(RecommendedItem::name).toList());
	}

	@Override
	@JsonIgnore
	public ProposedAction proposedAction() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("userId", userId);
		parameters.put("productIds", items.stream().map(RecommendedItem::productId).toList());
		return ProposedAction.of("show-items", "show " + items.size() + " items to " + userId, parameters);
	}
}
