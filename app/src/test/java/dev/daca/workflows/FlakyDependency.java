package dev.daca.workflows;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback that an activity depends on: per path, the first N calls answer 503 Service
 * Unavailable, later ones 200 "answered on call k". Counts every call it receives.
 */
final class FlakyDependency {

	private static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

	private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

	private static HttpServer server;

	private FlakyDependency() {
	}

	static synchronized void start() throws IOException {
		if (server != null) {
			return;
		}
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			int call = CALLS.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
			boolean fail = call <= FAILURES.getOrDefault(path, 0);
			byte[] body = (fail ? "unavailable (call " + call + ")" : "answered on call " + call)
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	static synchronized void stop() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	static void failFirst(String path, int failures) {
		FAILURES.put(path, failures);
	}

	static int calls(String path) {
		AtomicInteger calls = CALLS.get(path);
		return calls == null ? 0 : calls.get();
	}

	static String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}
}
