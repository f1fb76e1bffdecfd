package dev.daca.functions.home;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.daca.functions.engine.Risk;

/** How bad a device action is if it should not have happened. HIGH actions always need the homeowner's approval. */
public enum Impact {
	LOW, MEDIUM, HIGH;

	Risk risk() {
		return Risk.valueOf(name());
	}

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static Impact of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
