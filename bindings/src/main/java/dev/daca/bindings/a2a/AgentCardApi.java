package dev.daca.bindings.a2a;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.a2a.spec.APIKeySecurityScheme;
import io.a2a.spec.AgentCapabilities;
import io.a2a.spec.AgentCard;
import io.a2a.spec.HTTPAuthSecurityScheme;
import io.a2a.spec.SecurityScheme;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The agent card: one agent with a skill per function, at the A2A v0.3 path {@code /.well-known/agent-card.json}
 * and the legacy {@code /.well-known/agent.json}. Public, so clients can learn the security scheme; the scheme is
 * required ({@code security}) only when {@code daca.a2a.api-key} is set.
 */
@RestController
class AgentCardApi {

	static final String ENDPOINT = "/a2a";

	private final A2aSkills skills;

	private final boolean keyRequired;

	private final String version;

	AgentCardApi(A2aSkills skills, @Value("${daca.a2a.api-key:}") String key,
			@Value("${spring.ai.mcp.server.version:0.1.0}") String version) {
		this.skills = skills;
		this.keyRequired = !key.isBlank();
		this.version = version;
	}

	@GetMapping({ "/.well-known/agent-card.json", "/.well-known/agent.json" })
	AgentCard card() {
		Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
		schemes.put("bearer", new HTTPAuthSecurityScheme(null, "bearer", "the configured API key as a bearer token"));
		schemes.put("apiKey", new APIKeySecurityScheme("header", "X-API-Key", "the configured API key"));
		return new AgentCard.Builder().name("DACA agentic functions")
			.description("Content moderation, symptom triage, product recommendations and smart-home planning, each "
					+ "decided on a cost ladder (rules, embeddings, an LLM when configured) and sent to a person "
					+ "when the review policy says so (the task is then input-required).")
			.url(ServletUriComponentsBuilder.fromCurrentContextPath().path(ENDPOINT).toUriString())
			.version(version)
			.protocolVersion("0.3.0")
			.preferredTransport("JSONRPC")
			.capabilities(new AgentCapabilities.Builder().streaming(true)
				.pushNotifications(false)
				.stateTransitionHistory(true)
				.build())
			.defaultInputModes(List.of("application/json", "text/plain"))
			.defaultOutputModes(List.of("application/json"))
			.skills(skills.all().stream().map(A2aSkills.Skill::card).toList())
			.securitySchemes(schemes)
			.security(keyRequired ? List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of())) : List.of())
			.build();
	}
}
