package dev.daca.functions.engine;

/**
 * A chat model that answers with a typed object. The port the functions escalate to; the adapter on Spring AI's
 * {@code ChatClient} (any OpenAI-compatible endpoint) lives in {@code dev.daca.functions.llm}.
 */
public interface LanguageModel {

	/**
	 * Ask the model, with {@code instructions} as the system message and {@code input} as the user message, for an
	 * answer shaped as {@code answerType} (structured output: the JSON schema of the record is sent along).
	 * @throws LanguageModelUnavailable on error, timeout, exhausted budget or an answer that does not parse
	 */
	<A> A answer(String instructions, String input, Class<A> answerType);

	/** The model's name as configured, recorded in {@link DecidedBy#method()}. */
	String name();
}
