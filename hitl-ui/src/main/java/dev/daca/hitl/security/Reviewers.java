package dev.daca.hitl.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/** Turns a logged-in principal into a {@link Reviewer}: roles from its authorities, groups from the role mapping. */
@Component
public class Reviewers {

	private final HitlSecurityProperties properties;

	Reviewers(HitlSecurityProperties properties) {
		this.properties = properties;
	}

	public Reviewer of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new IllegalStateException("no one is logged in");
		}
		Set<String> roles = new LinkedHashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			String name = authority.getAuthority();
			if (name != null && name.startsWith("ROLE_")) {
				roles.add(name.substring(5));
			}
		}
		Set<String> groups = new LinkedHashSet<>();
		roles.forEach(role -> groups.addAll(properties.groups().getOrDefault(role, List.of())));
		return new Reviewer(authentication.getName(), roles, groups);
	}
}
