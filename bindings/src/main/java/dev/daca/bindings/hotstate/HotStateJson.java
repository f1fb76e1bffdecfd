package dev.daca.bindings.hotstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON of hot-state values in Redis (the application's ObjectMapper), failing with what it could not read. */
public final class HotStateJson {

	private final ObjectMapper json;

	public HotStateJson(ObjectMapper json) {
		this.json = json;
	}

	public String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", ex);
		}
	}

	public <T> T read(String value, Class<T> type) {
		try {
			return json.readValue(value, type);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("not a " + type.getSimpleName() + " in Redis: " + value, ex);
		}
	}
}
