package dev.daca.functions.engine;

/** The language-model rung for each function: configured per function, or {@link #none()} when no LLM is set up. */
@FunctionalInterface
public interface LanguageModelEscalations {

	LanguageModelEscalation forFunction(String function);

	static LanguageModelEscalations none() {
		return function -> LanguageModelEscalation.none();
	}
}
