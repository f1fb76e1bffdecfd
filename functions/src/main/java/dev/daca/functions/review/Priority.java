package dev.daca.functions.review;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.daca.functions.engine.Risk;

/** How soon a reviewer should look. Starts from the outcome's risk; escalation raises it. */
public enum Priority {
	LOW, NORMAL, HIGH, URGENT;

	public static Priority forRisk(Risk risk) {
		return switch (risk) {
			case LOW -> LOW;
			case MEDIUM -> NORMAL;
			case HIGH -> HIGH;
			case CRITICAL -> URGENT;
		};
	}

	/** One step up, for an overdue review; URGENT stays URGENT. */
	public Priority raised() {
		return this == URGENT ? URGENT : values()[ordinal() + 1];
	}

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static Priority of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
