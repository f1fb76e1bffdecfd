package dev.daca.hitl.security;

import java.util.Set;

/**
 * The person at the page: a name, the roles they logged in with and the candidate groups those roles open to them.
 * An admin sees and may decide every group's requests.
 */
public record Reviewer(String name, Set<String> roles, Set<String> groups) {

	public Reviewer {
		roles = Set.copyOf(roles);
		groups = Set.copyOf(groups);
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
