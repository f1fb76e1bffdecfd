package dev.daca.functions.engine;

import java.util.function.Function;

/**
 * The third rung of a function's ladder: when a language model is configured and the cheaper rungs were not
 * confident enough ({@code confidence < escalateBelow}), ask the model; when the model fails (error, timeout,
 * budget, malformed answer), keep the embedded outcome and say so. Without a model, {@link #wants} is always false.
 * <pre>{@code
 * if (llm.wants(verdict.confidence())) {
 *     return llm.ask(INSTRUCTIONS, post.text(), LlmVerdict.class,
 *             answer -> answer.toVerdict(post, llm.decidedBy()),
 *             reason -> verdict.withDecidedBy(verdict.decidedBy().fellBackBecause(reason)));
 * }
 * }</pre>
 */
public final class LanguageModelEscalation {

	private static final LanguageModelEscalation NONE = new LanguageModelEscalation(null, 0);

	private final LanguageModel model;

	private final double escalateBelow;

	public LanguageModelEscalation(LanguageModel model, double escalateBelow) {
		this.model = model;
		this.escalateBelow = escalateBelow;
	}

	/** No language model: every function decides on the embedded engine. */
	public static LanguageModelEscalation none() {
		return NONE;
	}

	public boolean configured() {
		return model != null;
	}

	/** Whether an outcome with this confidence should be escalated to the model. */
	public boolean wants(double confidence) {
		return model != null && confidence < escalateBelow;
	}

	/** Provenance for an answer from the model. */
	public DecidedBy decidedBy() {
		return DecidedBy.llm(model == null ? "none" : model.name());
	}

	/**
	 * Ask the model and map its answer; on any failure (including an answer that {@code toOutcome} rejects with an
	 * {@link IllegalArgumentException}) return {@code fallback} applied to the reason.
	 */
	public <A, O> O ask(String instructions, String input, Class<A> answerType, Function<A, O> toOutcome,
			Function<String, O> fallback) {
		if (model == null) {
			return fallback.apply("llm not configured");
		}
		try {
			A answer = model.answer(instructions, input, answerType);
			if (answer == null) {
				return fallback.apply("llm malformed: empty answer");
			}
			return toOutcome.apply(answer);
		}
		catch (LanguageModelUnavailable ex) {
			return fallback.apply(ex.fallbackNote());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return fallback.apply("llm malformed: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			return fallback.apply("llm error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}
}
