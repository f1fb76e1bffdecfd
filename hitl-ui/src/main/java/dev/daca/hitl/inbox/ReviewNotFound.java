package dev.daca.hitl.inbox;

/** No review request with that id that this reviewer may see. */
public class ReviewNotFound extends RuntimeException {

	public ReviewNotFound(String message) {
		super(message);
	}
}
