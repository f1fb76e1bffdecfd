package dev.daca.functions.engine;

/**
 * Provenance of an outcome: which engine and which rung of the ladder decided it, by what method, and, when the
 * LLM was wanted but not used, why ({@code fallback}: e.g. "llm timeout after PT5S"). {@code fallback} is null when
 * nothing fell back.
 */
public record DecidedBy(EngineKind engine, Tier tier, String method, String fallback) {

	public DecidedBy {
		if (engine == null || tier == null || method == null || method.isBlank()) {
			throw new IllegalArgumentException("engine, tier and method are required");
		}
	}

	public static DecidedBy rules(String method) {
		return new DecidedBy(EngineKind.EMBEDDED, Tier.RULES, method, null);
	}

	public static DecidedBy embedding(String method) {
		return new DecidedBy(EngineKind.EMBEDDED, Tier.EMBEDDING, method, null);
	}

	public static DecidedBy llm(String model) {
		return new DecidedBy(EngineKind.LLM, Tier.LLM, model, null);
	}

	/** The same decision, marked as the fallback taken because the LLM could not be used. */
	public DecidedBy fellBackBecause(String reason) {
		return new DecidedBy(engine, tier, method, reason);
	}
}
