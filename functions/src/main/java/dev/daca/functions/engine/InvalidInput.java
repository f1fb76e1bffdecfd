package dev.daca.functions.engine;

import java.util.List;

/**
 * Input a function cannot work on. Thrown by the records' compact constructors and by the functions; transports
 * turn it into an RFC 7807 response (HTTP) or a dead-letter record (topics). The message names the field.
 */
public class InvalidInput extends IllegalArgumentException {

	private final List<String> errors;

	public InvalidInput(String error) {
		this(List.of(error));
	}

	public InvalidInput(List<String> errors) {
		super(String.join("; ", errors));
		this.errors = List.copyOf(errors);
	}

	public List<String> errors() {
		return errors;
	}

	/** Guard helper for compact constructors: {@code require(text != null && !text.isBlank(), "text is required")}. */
	public static void require(boolean condition, String error) {
		if (!condition) {
			throw new InvalidInput(error);
		}
	}
}
