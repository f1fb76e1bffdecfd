package dev.daca.functions.review;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import dev.daca.functions.engine.InvalidInput;

/**
 * What an outcome would do if nobody intervened: {@code kind} is a verb (hide-post, notify-patient, show-items,
 * unlock-door), {@code parameters} the exact arguments. A reviewer may edit the parameters before approving; the
 * action dispatched must then hash to what was approved ({@link #sha256()}).
 */
public record ProposedAction(String kind, String description, Map<String, Object> parameters) {

	private static final ObjectMapper CANONICAL = JsonMapper.builder()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
		.build();

	public ProposedAction {
		InvalidInput.require(kind != null && !kind.isBlank(), "proposedAction.kind is required");
		description = description == null ? kind : description;
		parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
	}

	public static ProposedAction of(String kind, String description, Map<String, Object> parameters) {
		return new ProposedAction(kind, description, parameters);
	}

	/** SHA-256 over the canonical JSON of kind and parameters (keys sorted): what an approval is bound to. */
	public String sha256() {
		try {
			byte[] canonical = CANONICAL.writeValueAsBytes(Map.of("kind", kind, "parameters", parameters));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (JsonProcessingException | NoSuchAlgorithmException ex) {
			throw new IllegalStateException("cannot hash proposed action " + kind, ex);
		}
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
