package dev.daca.workflows;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Dapr runtime for a test: the state store's server through {@code scripts/infra.sh up}, then placement,
 * scheduler and daprd through {@code scripts/dapr.sh up} (the binaries must be installed: {@code scripts/dapr.sh
 * install}). Fails with the scripts' own output when something cannot start. State store: {@code redis} (default)
 * or {@code postgres}, from {@code -Ddaca.dapr.state} or {@code DACA_DAPR_STATE}.
 */
final class DaprSidecar {

	static final int APP_PORT = 18080;

	static final int HTTP_PORT = 3500;

	static final Path ROOT = findRoot();

	private final String state;

	private final Map<String, String> env;

	private DaprSidecar(String state, Map<String, String> env) {
		this.state = state;
		this.env = env;
	}

	static String stateStore() {
		String state = System.getProperty("daca.dapr.state", System.getenv().getOrDefault("DACA_DAPR_STATE", "redis"));
		if (!state.equals("redis") && !state.equals("postgres")) {
			throw new IllegalStateException("daca.dapr.state must be redis or postgres, not " + state);
		}
		return state;
	}

	/** Servers up, sidecar up for an app on {@link #APP_PORT} (the test's server.port). */
	static DaprSidecar start(String state, String runDir) {
		return start(state, runDir, APP_PORT, Map.of());
	}

	/** The same with another app port and extra dapr.sh settings (e.g. a second port set). */
	static DaprSidecar start(String state, String runDir, int appPort, Map<String, String> settings) {
		run(Map.of(), "scripts/infra.sh", "up", state);
		Map<String, String> env = new java.util.HashMap<>(Map.of("DAPR_STATE", state, "APP_PORT",
				String.valueOf(appPort), "DAPR_RUN", runDir, "DACA_REDIS_HOST", "127.0.0.1:16379", "DACA_POSTGRES_URL",
				"postgres://daca:daca@127.0.0.1:15432/daca?sslmode=disable"));
		env.putAll(settings);
		DaprSidecar sidecar = new DaprSidecar(state, env);
		sidecar.up();
		return sidecar;
	}

	String state() {
		return state;
	}

	/**
	 * Start the three processes; one retry, because a Dapr port (50001-50006) lies in Linux's ephemeral range and an
	 * outgoing connection of another process can hold it for a moment.
	 */
	void up() {
		try {
			run(env, "scripts/dapr.sh", "up");
		}
		catch (IllegalStateException first) {
			run(env, "scripts/dapr.sh", "up");
		}
	}

	void down() {
		run(env, "scripts/dapr.sh", "down");
	}

	/** The pid of daprd as dapr.sh recorded it. */
	long daprdPid() throws IOException {
		return Long.parseLong(Files.readString(Path.of(env.get("DAPR_RUN"), "daprd.pid")).trim());
	}

	/** Wait until daprd reports placement connected (it connects once the app answers on its port). */
	static void awaitPlacement(Duration timeout) throws InterruptedException {
		awaitPlacement(HTTP_PORT, timeout);
	}

	static void awaitPlacement(int httpPort, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		String last = "";
		while (Instant.now().isBefore(deadline)) {
			last = get(httpPort, "/v1.0/metadata");
			if (last.contains("\"placement\":\"placement: connected\"")) {
				return;
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("daprd did not connect to placement within " + timeout + "; metadata: " + last);
	}

	/** GET on the sidecar's HTTP API; the body, or "" when it does not answer. */
	static String get(String path) {
		return get(HTTP_PORT, path);
	}

	static String get(int httpPort, String path) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			return response.body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "";
		}
	}

	static String run(Map<String, String> env, String... command) {
		List<String> cmd = new ArrayList<>(List.of(command));
		cmd.set(0, ROOT.resolve(command[0]).toString());
		try {
			// a file, not a pipe: servers the scripts start in the background may keep inherited descriptors open
			Path log = Files.createTempFile("daca-script", ".log");
			ProcessBuilder builder = new ProcessBuilder(cmd).directory(ROOT.toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().putAll(env);
			Process process = builder.start();
			boolean done = process.waitFor(3, TimeUnit.MINUTES);
			String output = Files.readString(log, StandardCharsets.UTF_8);
			Files.deleteIfExists(log);
			if (!done || process.exitValue() != 0) {
				process.destroy();
				throw new IllegalStateException(String.join(" ", command) + " failed (Dapr/infra could not start; "
						+ "is the runtime built? scripts/dapr.sh install):\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run " + String.join(" ", command), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Path findRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("scripts/dapr.sh"))) {
			dir = dir.getParent();
		}
		if (dir == null) {
			throw new IllegalStateException("cannot find scripts/dapr.sh above " + Path.of("").toAbsolutePath());
		}
		return dir;
	}
}
