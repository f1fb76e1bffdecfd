package dev.daca.functions.recommendation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a shopper did with a product; stronger intent weighs more: bought > carted > viewed. */
public enum EventKind {
	VIEWED(0.3), CARTED(0.6), BOUGHT(1.0);

	private final double weight;

	EventKind(double weight) {
		this.weight = weight;
	}

	/** How much one fresh event of this kind says about the shopper's taste. */
	double weight() {
		return weight;
	}

	/** The past participle used in reasons ("similar to X you viewed"). */
	String verb() {
		return name().toLowerCase();
	}

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static EventKind of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
