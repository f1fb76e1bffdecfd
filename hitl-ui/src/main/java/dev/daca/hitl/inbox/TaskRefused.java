package dev.daca.hitl.inbox;

/** A task action that the request's state does not allow (already decided, claimed by someone else). */
public class TaskRefused extends RuntimeException {

	public TaskRefused(String message) {
		super(message);
	}
}
