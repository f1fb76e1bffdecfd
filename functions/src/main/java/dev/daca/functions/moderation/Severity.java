package dev.daca.functions.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;

/** How harmful a post is if left up; maps onto the shared {@link Risk} scale. */
public enum Severity {
	NONE, LOW, MEDIUM, HIGH, CRITICAL;

	public Risk risk() {
		return switch (this) {
			case NONE, LOW -> Risk.LOW;
			case MEDIUM -> Risk.MEDIUM;
			case HIGH -> Risk.HIGH;
			case CRITICAL -> Risk.CRITICAL;
		};
	}

	/** The severity a label carries when nothing more specific (a rule) says otherwise. */
	public static Severity of(Label label) {
		return switch (label) {
			case SAFE -> NONE;
			case SPAM -> LOW;
			case HARASSMENT, SEXUAL -> MEDIUM;
			case HATE, VIOLENCE, SELF_HARM -> HIGH;
		};
	}

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@JsonCreator
	public static Severity of(String value) {
		InvalidInput.require(value != null && !value.isBlank(), "severity is required");
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("severity must be one of none, low, medium, high, critical: " + value);
		}
	}
}
