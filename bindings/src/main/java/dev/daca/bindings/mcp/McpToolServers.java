package dev.daca.bindings.mcp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.mcp.SyncMcpToolCallbackProvider;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.annotation.Validated;

/**
 * The MCP client side: the tools of external MCP servers (a partner's device-control server for {@code actuate}, a
 * catalog server for {@code recommend}) for the functions' LLM rung. Each configured server gets a Streamable-HTTP
 * client of the MCP Java SDK (on the JDK HttpClient); their tools are offered as one Spring AI
 * {@link ToolCallbackProvider}, which the LLM rung ({@code dev.daca.functions.llm}) picks from by name with
 * {@code daca.llm.tools.<function>}. The clients connect on first use, not at startup: a server that is down makes
 * only the calls that need it fall back to the embedded outcome.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(McpToolServers.Servers.class)
class McpToolServers {

	private static final Logger log = LoggerFactory.getLogger(McpToolServers.class);

	/**
	 * {@code daca.mcp.client.*}: the external MCP servers whose tools the functions' model may call.
	 * @param servers by name: where each one is
	 * @param requestTimeout deadline of one MCP request (initialize, list tools, call a tool)
	 */
	@ConfigurationProperties("daca.mcp.client")
	@Validated
	record Servers(@DefaultValue Map<String, @Valid Server> servers, @DefaultValue("PT5S") @NotNull Duration requestTimeout) {
	}

	/**
	 * One external MCP server.
	 * @param url its base, e.g. {@code http://devices.internal:8000}
	 * @param endpoint the Streamable-HTTP endpoint path on it
	 * @param apiKey sent as {@code Authorization: Bearer <key>} when set
	 */
	record Server(@NotBlank String url, @DefaultValue("/mcp") @NotBlank String endpoint, String apiKey) {
	}

	/**
	 * The external servers' tools as one provider. Each server is asked on its own: one that is down or fails is
	 * logged and left out, so the others' tools stay callable. Closing it (at shutdown) closes the clients.
	 */
	static final class ExternalTools implements ToolCallbackProvider, AutoCloseable {

		private final Map<String, McpSyncClient> clients;

		private final Map<String, SyncMcpToolCallbackProvider> tools = new LinkedHashMap<>();

		ExternalTools(Map<String, McpSyncClient> clients) {
			this.clients = clients;
			clients.forEach((name, client) -> tools.put(name, SyncMcpToolCallbackProvider.builder()
				.mcpClients(client)
				.build()));
		}

		@Override
		public ToolCallback[] getToolCallbacks() {
			List<ToolCallback> offered = new ArrayList<>();
			tools.forEach((server, provider) -> {
				try {
					offered.addAll(List.of(provider.getToolCallbacks()));
				}
				catch (RuntimeException ex) {
					log.warn("MCP server {} did not list its tools: {}", server, ex.toString());
				}
			});
			return offered.toArray(ToolCallback[]::new);
		}

		@Override
		public void close() {
			clients.values().forEach(McpSyncClient::closeGracefully);
		}
	}

	@Bean
	ExternalTools externalMcpTools(Servers servers) {
		Map<String, McpSyncClient> clients = new LinkedHashMap<>();
		servers.servers().forEach((name, server) -> clients.put(name, client(name, server, servers.requestTimeout())));
		return new ExternalTools(clients);
	}

	private static McpSyncClient client(String name, Server server, Duration timeout) {
		HttpClientStreamableHttpTransport.Builder transport = HttpClientStreamableHttpTransport.builder(server.url())
			.endpoint(server.endpoint())
			.connectTimeout(timeout);
		if (server.apiKey() != null && !server.apiKey().isBlank()) {
			transport = transport.customizeRequest(request -> request.header("Authorization", "Bearer " + server.apiKey()));
		}
		return McpClient.sync(transport.build())
			.clientInfo(new McpSchema.Implementation("daca-" + name, "0.1.0"))
			.requestTimeout(timeout)
			.initializationTimeout(timeout)
			.build();
	}
}
