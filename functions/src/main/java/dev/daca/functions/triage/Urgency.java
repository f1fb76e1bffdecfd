package dev.daca.functions.triage;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.daca.functions.engine.InvalidInput;
import dev.daca.functions.engine.Risk;

/** How soon a person should be seen, most urgent first. JSON: emergency, urgent, routine, self-care. */
public enum Urgency {
	EMERGENCY(Risk.CRITICAL), URGENT(Risk.HIGH), ROUTINE(Risk.MEDIUM), SELF_CARE(Risk.LOW);

	private final Risk risk;

	Urgency(Risk risk) {
		this.risk = risk;
	}

	public Risk risk() {
		return risk;
	}

	public boolean atLeast(Urgency other) {
		return compareTo(other) <= 0;
	}

	/** The more urgent of the two. */
	public Urgency max(Urgency other) {
		return atLeast(other) ? this : other;
	}

	/** One step more urgent, but never beyond {@code cap}. */
	Urgency raisedUpTo(Urgency cap) {
		Urgency raised = this == EMERGENCY ? EMERGENCY : values()[ordinal() - 1];
		return atLeast(cap) ? this : raised.atLeast(cap) ? cap : raised;
	}

	@JsonValue
	public String json() {
		return name().toLowerCase().replace('_', '-');
	}

	@JsonCreator
	public static Urgency of(String value) {
		InvalidInput.require(value != null && !value.isBlank(), "urgency is required");
		try {
			return valueOf(value.trim().toUpperCase().replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("urgency must be one of emergency, urgent, routine, self-care: " + value);
		}
	}
}
