package dev.daca.functions.engine;

/** Why a language model call did not give a usable answer; the function falls back and records this reason. */
public class LanguageModelUnavailable extends RuntimeException {

	public enum Reason {
		ERROR, TIMEOUT, BUDGET, MALFORMED
	}

	private final Reason reason;

	public LanguageModelUnavailable(Reason reason, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
	}

	public LanguageModelUnavailable(Reason reason, String message) {
		this(reason, message, null);
	}

	public Reason reason() {
		return reason;
	}

	/** The text recorded as {@link DecidedBy#fallback()}, e.g. "llm timeout: no answer within PT5S". */
	public String fallbackNote() {
		return "llm " + reason.name().toLowerCase() + ": " + getMessage();
	}
}
