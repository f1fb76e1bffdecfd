package dev.daca;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in model on the OpenAI chat-completions wire format (127.0.0.1, random port, {@code POST
 * /v1/chat/completions}): each request goes to the test's {@code policy}, which returns the assistant message, either
 * {@link #toolCall} (the model asks to call a tool, {@code finish_reason: tool_calls}) or {@link #answer}. Every request
 * body is recorded, so a test sees which tools were offered and what the tool results said.
 */
final class ToolCallingModel implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

	private final Function<JsonNode, Map<String, Object>> policy;

	ToolCallingModel(Function<JsonNode, Map<String, Object>> policy) {
		this.policy = policy;
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/v1/chat/completions", this::complete);
		server.setExecutor(executor);
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<JsonNode> requests() {
		return List.copyOf(requests);
	}

	/** The assistant asks for one tool call. */
	static Map<String, Object> toolCall(String id, String tool, Map<String, Object> arguments) {
		try {
			return Map.of("role", "assistant", "tool_calls", List.of(Map.of("id", id, "type", "function", "function",
					Map.of("name", tool, "arguments", JSON.writeValueAsString(arguments)))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The assistant's final answer. */
	static Map<String, Object> answer(String content) {
		return Map.of("role", "assistant", "content", content);
	}

	/** The content of the tool result message answering {@code toolCallId} in a request, or null. */
	static JsonNode toolResult(JsonNode request, String toolCallId) {
		for (JsonNode message : request.path("messages")) {
			if ("tool".equals(message.path("role").asText()) && toolCallId.equals(message.path("tool_call_id").asText())) {
				return message.path("content");
			}
		}
		return null;
	}

	private void complete(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			JsonNode request = JSON.readTree(in);
			requests.add(request);
			Map<String, Object> message = policy.apply(request);
			String reason = message.containsKey("tool_calls") ? "tool_calls" : "stop";
			byte[] body = JSON.writeValueAsBytes(Map.of("id", "chatcmpl-" + requests.size(), "object", "chat.completion",
					"created", Instant.now().getEpochSecond(), "model", request.path("model").asText(), "choices",
					List.of(Map.of("index", 0, "message", message, "finish_reason", reason)), "usage",
					Map.of("prompt_tokens", 50, "completion_tokens", 10, "total_tokens", 60)));
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
