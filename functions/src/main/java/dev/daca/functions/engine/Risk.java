package dev.daca.functions.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One scale for "how bad is it if this outcome is wrong", so one review policy can speak of every function:
 * moderation severity, triage urgency and actuation impact each map onto it.
 */
public enum Risk {
	LOW, MEDIUM, HIGH, CRITICAL;

	public boolean atLeast(Risk other) {
		return compareTo(other) >= 0;
	}

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static Risk of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
