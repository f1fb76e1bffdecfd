package dev.daca.functions.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link LanguageModel} whose answer is written by the test: the domain functions' LLM rung is tested with it (the
 * wire format against a real HTTP server is tested in {@code dev.daca.functions.llm}). Counts its calls.
 */
public final class ScriptedLanguageModel implements LanguageModel {

	private final Object answer;

	private final LanguageModelUnavailable failure;

	private final AtomicInteger calls = new AtomicInteger();

	private ScriptedLanguageModel(Object answer, LanguageModelUnavailable failure) {
		this.answer = answer;
		this.failure = failure;
	}

	/** Answers every call with {@code answer}. */
	public static ScriptedLanguageModel answering(Object answer) {
		return new ScriptedLanguageModel(answer, null);
	}

	/** Fails every call, as a model that timed out. */
	public static ScriptedLanguageModel timingOut() {
		return new ScriptedLanguageModel(null,
				new LanguageModelUnavailable(LanguageModelUnavailable.Reason.TIMEOUT, "no answer within PT5S"));
	}

	@Override
	public <A> A answer(String instructions, String input, Class<A> answerType) {
		calls.incrementAndGet();
		if (failure != null) {
			throw failure;
		}
		return answerType.cast(answer);
	}

	@Override
	public String name() {
		return "fake-model";
	}

	public int calls() {
		return calls.get();
	}
}
