package dev.daca.bindings.http;

/** A request body over {@code daca.http.max-body-bytes}. */
class BodyTooLarge extends RuntimeException {

	BodyTooLarge(long limit) {
		super("request body exceeds " + limit + " bytes");
	}
}
