package dev.daca.functions.triage;

import java.util.List;

import dev.daca.functions.engine.InvalidInput;

/** A red-flag rule that fired: its id (e.g. heart-attack), what it means, and the words of the report that matched. */
public record RedFlag(String id, String description, List<String> matched) {

	public RedFlag {
		InvalidInput.require(id != null && !id.isBlank(), "redFlag.id is required");
		description = description == null || description.isBlank() ? id : description;
		matched = matched == null ? List.of() : List.copyOf(matched);
	}
}
