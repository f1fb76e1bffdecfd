package dev.daca.bindings.auth;

import dev.daca.hitl.security.HitlSecurityProperties;
import dev.daca.hitl.security.Reviewers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API keys on the agent protocol endpoints. Outside the embedded default set {@code daca.mcp.api-key} (guards the MCP
 * endpoint) and {@code daca.a2a.api-key} (guards the A2A JSON-RPC endpoint; the agent card stays public, as A2A
 * clients read it to learn the scheme). Unset (the embedded default), the endpoint is open to whoever reaches the
 * port. {@code daca.mcp.reviewer-keys} add keys that name a reviewer: the only MCP callers who may decide a review.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpKeys.class)
class ProtocolKeys {

	@Bean
	ReviewerKeys mcpReviewerKeys(McpKeys keys, HitlSecurityProperties users, Reviewers reviewers) {
		return new ReviewerKeys(keys.inForce(users.embeddedDefault()), users, reviewers);
	}

	/** Always there; switched off while neither a shared key nor a reviewer key is configured. */
	@Bean
	FilterRegistrationBean<ApiKeyFilter> mcpApiKey(McpKeys keys, ReviewerKeys reviewers,
			@Value("${spring.ai.mcp.server.streamable-http.mcp-endpoint:/mcp}") String endpoint) {
		FilterRegistrationBean<ApiKeyFilter> guard = guard("mcpApiKey",
				new ApiKeyFilter(keys.apiKey(), reviewers, "mcp"), endpoint);
		guard.setEnabled(keys.apiKey() != null || !reviewers.isEmpty());
		return guard;
	}

	@Bean
	@ConditionalOnExpression("!'${daca.a2a.api-key:}'.isBlank()")
	FilterRegistrationBean<ApiKeyFilter> a2aApiKey(@Value("${daca.a2a.api-key}") String key) {
		return guard("a2aApiKey", new ApiKeyFilter(key, "a2a"), "/a2a");
	}

	private static FilterRegistrationBean<ApiKeyFilter> guard(String name, ApiKeyFilter filter, String path) {
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName(name);
		registration.addUrlPatterns(path, path + "/*");
		return registration;
	}
}
