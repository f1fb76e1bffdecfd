package dev.daca.hitl.security;

import java.util.Set;

/**
 * The person deciding: a name, the roles they logged in with, the candidate groups those roles open to them, and
 * the channel they act through ({@value #INBOX}, the review page, unless said otherwise: {@code mcp} for a reviewer's
 * MCP key), which the audit log records with each decision. An admin sees and may decide every group's requests.
 */
public record Reviewer(String name, Set<String> roles, Set<String> groups, String channel) {

	/** The review page. */
	public static final String INBOX = "inbox";

	public Reviewer {
		roles = Set.copyOf(roles);
		groups = Set.copyOf(groups);
		channel = channel == null || channel.isBlank() ? INBOX : channel;
	}

	/** A reviewer at the review page. */
	public Reviewer(String name, Set<String> roles, Set<String> groups) {
		this(name, roles, groups, INBOX);
	}

	/** The same person, with the same rights, acting through another channel. */
	public Reviewer through(String otherChannel) {
		return new Reviewer(name, roles, groups, otherChannel);
	}

	public boolean isAdmin() {
		return roles.contains("ADMIN");
	}

	/** May see and act on requests of this candidate group. */
	public boolean mayWorkOn(String candidateGroup) {
		return isAdmin() || groups.contains(candidateGroup);
	}

	/** Sees personal data unmasked (names, contacts, exact ages). */
	public boolean seesPersonalData() {
		return isAdmin();
	}
}
