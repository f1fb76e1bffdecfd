package dev.daca.functions.home;

import dev.daca.functions.engine.InvalidInput;

/** What a person asked the home to do, in their words ("unlock front door", "set thermostat to 21"). */
public record Command(String homeId, String text, String requestedBy) implements HomeSignal {

	public static final int MAX_TEXT = 500;

	public Command {
		InvalidInput.require(homeId != null && !homeId.isBlank(), "homeId is required");
		InvalidInput.require(text != null && !text.isBlank(), "text is required");
		InvalidInput.require(text.length() <= MAX_TEXT, "text must be at most " + MAX_TEXT + " characters");
	}
}
