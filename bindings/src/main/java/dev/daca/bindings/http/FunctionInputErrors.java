package dev.daca.bindings.http;

import com.fasterxml.jackson.databind.JsonMappingException;

import dev.daca.functions.engine.InvalidInput;

/** What is wrong with a function's JSON input, in one line that names the field: shared by HTTP and MCP. */
public final class FunctionInputErrors {

	private FunctionInputErrors() {
	}

	/** The record's own refusal when it refused, else the field path and Jackson's first line. */
	public static String describe(JsonMappingException ex) {
		if (ex.getCause() instanceof InvalidInput invalid) {
			return invalid.getMessage();
		}
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference ref : ex.getPath()) {
			if (ref.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
			}
			else {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		String field = path.toString();
		String message = ex.getOriginalMessage().lines().findFirst().orElse("invalid value");
		return field.isEmpty() ? message : field + ": " + message;
	}
}
