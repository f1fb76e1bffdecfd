package dev.daca.functions.moderation;

import dev.daca.functions.engine.InvalidInput;

/**
 * A post or comment to moderate. {@code postId} and {@code text} are required; {@code authorId} is optional.
 */
public record Post(String postId, String authorId, String text) {

	public static final int MAX_TEXT = 10_000;

	public Post {
		InvalidInput.require(postId != null && !postId.isBlank(), "postId is required");
		InvalidInput.require(text != null, "text is required");
		InvalidInput.require(!text.isBlank(), "text must not be blank");
		InvalidInput.require(text.length() <= MAX_TEXT, "text must be at most " + MAX_TEXT + " characters");
		authorId = authorId == null || authorId.isBlank() ? null : authorId;
	}
}
