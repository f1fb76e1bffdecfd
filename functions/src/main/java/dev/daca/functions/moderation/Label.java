package dev.daca.functions.moderation;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import dev.daca.functions.engine.InvalidInput;

/** What a post is, for moderation. In JSON lowercase with '-' ({@code "self-harm"}). */
public enum Label {
	SAFE, SPAM, HARASSMENT, HATE, SEXUAL, VIOLENCE, SELF_HARM;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	@JsonCreator
	public static Label of(String value) {
		InvalidInput.require(value != null && !value.isBlank(), "label is required");
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("label must be one of safe, spam, harassment, hate, sexual, violence, self-harm: "
					+ value);
		}
	}
}
