package dev.daca.hitl.decision;

/** A decision that cannot be recorded: the request was decided already (a race lost) or is held by someone else. */
public class DecisionRefused extends RuntimeException {

	public DecisionRefused(String message) {
		super(message);
	}
}
