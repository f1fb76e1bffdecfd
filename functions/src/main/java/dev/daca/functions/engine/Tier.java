package dev.daca.functions.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The rungs of the cost ladder, cheapest first. Every outcome records the rung that decided it, so the share of
 * traffic each rung takes can be measured (the {@code daca.decisions} meter, tagged by function and tier).
 */
public enum Tier {
	/** Lexicons, red-flag rules, home rules: microseconds, no model. */
	RULES,
	/** The embedded sentence-embedding model and what is computed on it: milliseconds, no network. */
	EMBEDDING,
	/** An OpenAI-compatible chat model, when one is configured: seconds and money. */
	LLM,
	/** A person, through a review request. */
	HUMAN;

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static Tier of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
