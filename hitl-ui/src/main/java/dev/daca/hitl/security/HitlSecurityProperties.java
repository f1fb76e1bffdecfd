package dev.daca.hitl.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code daca.hitl.security}: who may review what.
 * @param embeddedDefault true on the embedded default: the machine endpoints (/fn, /events, /api, /actuator,
 * /v3/api-docs) stay open for local use; false everywhere else: they need an authenticated caller
 * @param groups role (REVIEWER, CLINICIAN, HOMEOWNER, ADMIN) to the candidate groups of the review policy it may decide
 * @param users the deployment's form-login users with hashed passwords ({@code {bcrypt}...}; from the environment
 * {@code DACA_HITL_SECURITY_USERS_0_NAME}, {@code _PASSWORD}, {@code _ROLES_0}); empty when an identity provider is used
 * @param demoUsers the embedded default's demo users (public password "demo-review"), honoured only while
 * {@code embeddedDefault} is true, so a deployment that switches it off never inherits them
 * @param rolesClaim the OIDC claim that carries the roles (e.g. {@code roles} or {@code groups})
 * @param machineEndpoints the paths served to programs, not people (stateless, no CSRF token)
 * @param agentEndpoints the agent protocol paths (MCP, A2A): stateless, no CSRF token, guarded by their own API keys
 * ({@code daca.mcp.api-key}, {@code daca.a2a.api-key}) rather than by a login
 */
@ConfigurationProperties("daca.hitl.security")
public record HitlSecurityProperties(boolean embeddedDefault, Map<String, List<String>> groups, List<User> users,
		List<User> demoUsers, String rolesClaim, List<String> machineEndpoints, List<String> agentEndpoints) {

	/** A form-login user. */
	public record User(String name, String password, List<String> roles) {
	}

	public HitlSecurityProperties {
		groups = groups == null || groups.isEmpty() ? Map.of("REVIEWER", List.of("moderators", "merchandisers"),
				"CLINICIAN", List.of("clinicians"), "HOMEOWNER", List.of("homeowners"), "ADMIN", List.of())
				: Map.copyOf(groups);
		users = users == null ? List.of() : List.copyOf(users);
		demoUsers = demoUsers == null ? List.of() : List.copyOf(demoUsers);
		rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
		machineEndpoints = machineEndpoints == null || machineEndpoints.isEmpty() ? List.of("/fn/**", "/events/**",
				"/api/**", "/workflows/**", "/admin/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
				: List.copyOf(machineEndpoints);
		agentEndpoints = agentEndpoints == null || agentEndpoints.isEmpty() ? List.of("/mcp", "/mcp/**", "/a2a",
				"/a2a/**", "/.well-known/agent-card.json", "/.well-known/agent.json", "/triggers/**") : List.copyOf(agentEndpoints);
	}

	/** The form-login users in force: the configured ones, plus the demo users on the embedded default. */
	public List<User> usersInForce() {
		if (!embeddedDefault) {
			return users;
		}
		List<User> all = new ArrayList<>(users);
		all.addAll(demoUsers);
		return List.copyOf(all);
	}
}
