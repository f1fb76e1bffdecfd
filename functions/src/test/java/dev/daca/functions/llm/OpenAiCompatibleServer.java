package dev.daca.functions.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A local server speaking the OpenAI chat-completions wire format on 127.0.0.1 (random port): answers
 * {@code POST <prefix>/chat/completions} with the next scripted {@link Reply} as a real {@code chat.completion} body,
 * or an error status, and records every request it receives. Register it as a JUnit extension to have it stopped after
 * each test.
 */
final class OpenAiCompatibleServer implements AutoCloseable, AfterEachCallback {

	/** What the server answers next: a status, the assistant's message content, and how long to think first. */
	record Reply(int status, String content, Duration delay) {

		static Reply answer(String content) {
			return new Reply(200, content, Duration.ZERO);
		}

		static Reply status(int status) {
			return new Reply(status, null, Duration.ZERO);
		}

		static Reply slow(String content, Duration delay) {
			return new Reply(200, content, delay);
		}
	}

	/** One request as received: path, Authorization header and JSON body. */
	record Received(String path, String authorization, JsonNode body) {

		List<JsonNode> messages() {
			List<JsonNode> messages = new ArrayList<>();
			body.path("messages").forEach(messages::add);
			return messages;
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger ids = new AtomicInteger();

	OpenAiCompatibleServer(String prefix) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext(prefix + "/chat/completions", this::handle);
		server.createContext("/", exchange -> respond(exchange, 404, "{\"error\":{\"message\":\"no such path\"}}"));
		server.setExecutor(executor);
		server.start();
	}

	OpenAiCompatibleServer() {
		this("/v1");
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	OpenAiCompatibleServer then(Reply reply) {
		replies.add(reply);
		return this;
	}

	List<Received> received() {
		return List.copyOf(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			JsonNode body = JSON.readTree(in);
			received.add(new Received(exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Authorization"), body));
			if (!"POST".equals(exchange.getRequestMethod())) {
				respond(exchange, 405, "{\"error\":{\"message\":\"POST only\"}}");
				return;
			}
			Reply reply = replies.poll();
			if (reply == null) {
				respond(exchange, 503, "{\"error\":{\"message\":\"nothing scripted\",\"type\":\"server_error\"}}");
				return;
			}
			if (!reply.delay().isZero()) {
				Thread.sleep(reply.delay());
			}
			if (reply.status() != 200) {
				respond(exchange, reply.status(), JSON.writeValueAsString(Map.of("error",
						Map.of("message", "scripted failure", "type", "server_error", "code", reply.status()))));
				return;
			}
			respond(exchange, 200, completion(body.path("model").asText(), reply.content()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private String completion(String model, String content) throws IOException {
		int prompt = 42;
		int completion = Math.max(1, content.length() / 4);
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-" + ids.incrementAndGet(), "object", "chat.completion",
				"created", Instant.now().getEpochSecond(), "model", model, "choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content), "finish_reason",
						"stop")),
				"usage", Map.of("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens",
						prompt + completion)));
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		server.stop(0);
		executor.shutdownNow();
	}
}
