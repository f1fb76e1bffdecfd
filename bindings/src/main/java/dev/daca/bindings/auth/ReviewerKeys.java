package dev.daca.bindings.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.daca.hitl.security.HitlSecurityProperties;
import dev.daca.hitl.security.Reviewer;
import dev.daca.hitl.security.Reviewers;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The reviewers' MCP keys ({@code daca.mcp.reviewer-keys}), resolved once to the {@link Reviewer} the inbox would
 * see for that person: roles from the entry or from the form-login user of that name, candidate groups from
 * {@link Reviewers}. Keys are stored as SHA-256 hashes and compared in constant time. The filter puts the matching
 * reviewer in the request attribute {@link #REVIEWER}, where the MCP transport picks it up for the tools.
 */
public final class ReviewerKeys {

	/** The request attribute that holds the calling {@link Reviewer}, when the caller sent a reviewer key. */
	public static final String REVIEWER = ReviewerKeys.class.getName() + ".reviewer";

	private static final String PREFIX = "{sha256}";

	private record Entry(byte[] hash, Reviewer reviewer) {
	}

	private final List<Entry> entries;

	ReviewerKeys(List<McpKeys.ReviewerKey> keys, HitlSecurityProperties users, Reviewers reviewers) {
		List<Entry> resolved = new ArrayList<>();
		for (McpKeys.ReviewerKey key : keys) {
			String name = key.reviewer() == null ? "" : key.reviewer().strip();
			if (name.isEmpty()) {
				throw new IllegalStateException("daca.mcp.reviewer-keys: an entry has no reviewer name");
			}
			if (key.key() == null || !key.key().matches("\\{sha256\\}[0-9a-fA-F]{64}")) {
				throw new IllegalStateException("daca.mcp.reviewer-keys: the key of " + name + " must be its SHA-256 "
						+ "as {sha256}<64 hex digits> (printf %s \"$KEY\" | sha256sum), never the key itself");
			}
			List<String> roles = key.roles().isEmpty() ? users.usersInForce()
				.stream()
				.filter(user -> user.name().equals(name))
				.findFirst()
				.map(HitlSecurityProperties.User::roles)
				.orElse(List.of()) : key.roles();
			if (roles.isEmpty()) {
				throw new IllegalStateException("daca.mcp.reviewer-keys: " + name + " has no roles: give roles or "
						+ "name a user of daca.hitl.security.users");
			}
			Reviewer reviewer = reviewers.of(UsernamePasswordAuthenticationToken.authenticated(name, null,
					roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
			resolved.add(new Entry(HexFormat.of().parseHex(key.key().substring(PREFIX.length())), reviewer));
		}
		this.entries = List.copyOf(resolved);
	}

	boolean isEmpty() {
		return entries.isEmpty();
	}

	/** The reviewer whose key this is. Every entry is compared, so the time taken tells nothing. */
	Optional<Reviewer> find(String presented) {
		byte[] hash = sha256(presented);
		Reviewer found = null;
		for (Entry entry : entries) {
			if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
				found = entry.reviewer();
			}
		}
		return Optional.ofNullable(found);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
