package dev.daca.functions.llm;

import java.util.function.LongSupplier;

import dev.daca.functions.engine.LanguageModelUnavailable;
import dev.daca.functions.engine.LanguageModelUnavailable.Reason;

/**
 * What one call may cost and how many calls a minute all functions together may make: a prompt size cap and a token
 * bucket holding {@code callsPerMinute} calls, refilled continuously. A call that does not fit is refused before any
 * request is sent.
 */
final class CallBudget {

	private static final long MINUTE_NANOS = 60_000_000_000L;

	private final int maxInputChars;

	private final int callsPerMinute;

	private final LongSupplier nanoTime;

	private double available;

	private long refilledAt;

	CallBudget(int maxInputChars, int callsPerMinute, LongSupplier nanoTime) {
		if (maxInputChars <= 0 || callsPerMinute <= 0) {
			throw new IllegalArgumentException("maxInputChars and callsPerMinute must be positive");
		}
		this.maxInputChars = maxInputChars;
		this.callsPerMinute = callsPerMinute;
		this.nanoTime = nanoTime;
		this.available = callsPerMinute;
		this.refilledAt = nanoTime.getAsLong();
	}

	CallBudget(int maxInputChars, int callsPerMinute) {
		this(maxInputChars, callsPerMinute, System::nanoTime);
	}

	/**
	 * Spend one call carrying {@code promptChars} characters.
	 * @throws LanguageModelUnavailable with {@link Reason#BUDGET} when the prompt is too large or no call is left
	 */
	void spend(int promptChars) {
		if (promptChars > maxInputChars) {
			throw new LanguageModelUnavailable(Reason.BUDGET, "prompt of %d chars (~%d tokens) exceeds %d chars"
				.formatted(promptChars, (promptChars + 3) / 4, maxInputChars));
		}
		synchronized (this) {
			long now = nanoTime.getAsLong();
			available = Math.min(callsPerMinute, available + (double) (now - refilledAt) * callsPerMinute / MINUTE_NANOS);
			refilledAt = now;
			if (available < 1) {
				throw new LanguageModelUnavailable(Reason.BUDGET,
						"all %d calls per minute are spent".formatted(callsPerMinute));
			}
			available -= 1;
		}
	}
}
