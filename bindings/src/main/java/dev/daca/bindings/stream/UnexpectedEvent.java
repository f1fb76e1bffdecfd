package dev.daca.bindings.stream;

/**
 * A message a consumer cannot accept as the CloudEvent it expects: no id, or another type. Not retried: it goes
 * straight to the binding's dead-letter destination with this message as the reason.
 */
public class UnexpectedEvent extends IllegalArgumentException {

	public UnexpectedEvent(String message) {
		super(message);
	}
}
