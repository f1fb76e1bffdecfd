package dev.daca.bindings.mcp;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.jackson.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.WebMvcStatelessServerTransport;

import dev.daca.bindings.auth.ReviewerKeys;
import dev.daca.hitl.security.Reviewer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The stateless Streamable-HTTP transport as Spring AI builds it, plus who is calling: the reviewer the API-key
 * filter found for the request's key travels to the tool handlers in the {@link McpTransportContext} (extracted on
 * the request's own thread, so no thread-local has to survive the SDK's scheduling). Spring AI backs off its own
 * transport bean when this one exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.ai.mcp.server", name = "protocol", havingValue = "STATELESS")
class McpTransport {

	/** The context key of the calling {@link Reviewer}; absent for a caller without a reviewer key. */
	static final String REVIEWER = "daca.reviewer";

	@Bean
	WebMvcStatelessServerTransport webMvcStatelessServerTransport(
			@Qualifier("mcpServerObjectMapper") ObjectMapper json,
			@Value("${spring.ai.mcp.server.streamable-http.mcp-endpoint:/mcp}") String endpoint) {
		return WebMvcStatelessServerTransport.builder()
			.jsonMapper(new JacksonMcpJsonMapper(json))
			.messageEndpoint(endpoint)
			.contextExtractor(request -> request.attribute(ReviewerKeys.REVIEWER)
				.filter(Reviewer.class::isInstance)
				.map(reviewer -> McpTransportContext.create(Map.of(REVIEWER, reviewer)))
				.orElse(McpTransportContext.EMPTY))
			.build();
	}

	/** The reviewer calling, if the caller sent a reviewer key. */
	static Optional<Reviewer> reviewer(McpTransportContext context) {
		return context != null && context.get(REVIEWER) instanceof Reviewer reviewer ? Optional.of(reviewer)
				: Optional.empty();
	}
}
