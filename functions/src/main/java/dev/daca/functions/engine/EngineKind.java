package dev.daca.functions.engine;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which engine produced an outcome: the offline embedded one, or a configured LLM. */
public enum EngineKind {
	EMBEDDED, LLM;

	@JsonValue
	public String json() {
		return name().toLowerCase();
	}

	@JsonCreator
	public static EngineKind of(String value) {
		return valueOf(value.trim().toUpperCase());
	}
}
