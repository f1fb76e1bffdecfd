package dev.daca.functions.recommendation;

import java.math.BigDecimal;

import dev.daca.functions.engine.InvalidInput;

/**
 * A product that can be recommended. {@code popularity} in [0,1] is optional (0 when unknown); it ranks the
 * cold-start list.
 */
public record Product(String id, String name, String category, String description, BigDecimal price,
		Double popularity) {

	public Product {
		InvalidInput.require(id != null && !id.isBlank(), "catalog[].id is required");
		InvalidInput.require(name != null && !name.isBlank(), "catalog[].name is required");
		InvalidInput.require(category != null && !category.isBlank(), "catalog[].category is required");
		description = description == null ? "" : description;
		InvalidInput.require(price == null || price.signum() >= 0, "catalog[].price must not be negative");
		popularity = popularity == null ? 0.0 : popularity;
		InvalidInput.require(popularity >= 0 && popularity <= 1, "catalog[].popularity must be in [0,1]");
	}

	/** The text the content similarity is computed on. */
	String text() {
		return name + ". " + category + ". " + description;
	}
}
