package dev.daca.bindings.auth;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code daca.mcp}: who may call the MCP endpoint.
 * @param apiKey the shared key (e.g. from {@code DACA_MCP_API_KEY}); set, a caller without a key gets 401; unset (the
 * embedded default), callers without a key are let in
 * @param reviewerKeys keys that also say which reviewer is calling: only such a caller may decide a review request
 * @param demoReviewerKeys the demo users' keys, honoured only on the embedded default
 * ({@code daca.hitl.security.embedded-default}), so a deployment that forgets its own keys has none, not the demo's
 */
@ConfigurationProperties("daca.mcp")
record McpKeys(String apiKey, List<ReviewerKey> reviewerKeys, List<ReviewerKey> demoReviewerKeys) {

	/**
	 * A reviewer's key.
	 * @param reviewer the reviewer's name, as the inbox and the audit log show it
	 * @param key the key's SHA-256 as {@code {sha256}<64 hex digits>} (the plain key never sits in configuration:
	 * {@code printf %s "$KEY" | sha256sum})
	 * @param roles the reviewer's roles (REVIEWER, CLINICIAN, HOMEOWNER, ADMIN); empty takes those of the form-login
	 * user of that name ({@code daca.hitl.security.users}, or {@code demo-users} on the embedded default)
	 */
	record ReviewerKey(String reviewer, String key, List<String> roles) {

		ReviewerKey {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}
	}

	McpKeys {
		apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
		reviewerKeys = reviewerKeys == null ? List.of() : List.copyOf(reviewerKeys);
		demoReviewerKeys = demoReviewerKeys == null ? List.of() : List.copyOf(demoReviewerKeys);
	}

	/** The keys in force: the configured ones, plus the demo users' on the embedded default. */
	List<ReviewerKey> inForce(boolean embeddedDefault) {
		if (!embeddedDefault) {
			return reviewerKeys;
		}
		List<ReviewerKey> all = new ArrayList<>(reviewerKeys);
		all.addAll(demoReviewerKeys);
		return List.copyOf(all);
	}
}
