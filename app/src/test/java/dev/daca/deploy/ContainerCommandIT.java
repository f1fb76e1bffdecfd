package dev.daca.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image without a Docker engine: the packaged {@code daca.jar} goes through the Dockerfile's own commands —
 * the layered extraction, the layer COPYs in their order, the AOT training RUN — then the exact ENTRYPOINT (with the
 * image's ENV) runs a one-shot job and serves the HEALTHCHECK's path. Verify phase (needs {@code target/daca.jar}).
 */
class ContainerCommandIT {

	static Dockerfile dockerfile;

	static Path root;

	static Path app;

	static Map<String, String> env;

	@BeforeAll
	static void buildTheImageContents() throws Exception {
		dockerfile = Dockerfile.read();
		root = Files.createTempDirectory("daca-image");
		Path extract = Files.createDirectories(root.resolve("extract"));
		Files.copy(Path.of("target", "daca.jar"), extract.resolve("daca.jar"));
		List<String> extraction = new ArrayList<>(dockerfile.run("-Djarmode=tools"));
		extraction.replaceAll(w -> w.equals("/layers") ? root.resolve("layers").toString() : w);
		assertThat(exec(extraction, extract, Map.of(), Duration.ofMinutes(2)).status()).isZero();

		app = Files.createDirectories(root.resolve("app"));
		Pattern layerCopy = Pattern.compile("--from=layers .*?/layers/([\\w-]+)/ \\./");
		for (Dockerfile.Instruction copy : dockerfile.runtimeStage().all("COPY")) {
			Matcher m = layerCopy.matcher(copy.arguments());
			assertThat(m.find()).as("runtime COPY from the layers stage: " + copy.arguments()).isTrue();
			copyTree(root.resolve("layers").resolve(m.group(1)), app);
		}
		env = new java.util.HashMap<>(dockerfile.runtimeStage().env());
		env.put("DACA_DATA_DIR", root.resolve("data").toString()); // the image's /data volume

		List<String> training = new ArrayList<>(dockerfile.run("-XX:AOTCacheOutput"));
		training.replaceAll(w -> w.startsWith("-Ddaca.data-dir=") ? "-Ddaca.data-dir=" + root.resolve("training") : w);
		Run trained = exec(training, app, env, Duration.ofMinutes(3));
		assertThat(trained.status()).as(trained.output()).isZero();
		assertThat(trained.output()).contains("AOTCache creation is complete");
	}

	@Test
	void theImageRunsAsUid1000AndExposesTheConfiguredPort() {
		Dockerfile runtime = dockerfile.runtimeStage();
		assertThat(runtime.all("USER").getLast().arguments()).isEqualTo("1000");
		assertThat(runtime.all("EXPOSE").getLast().arguments()).isEqualTo(env.get("SERVER_PORT"));
		assertThat(runtime.all("FROM").getFirst().arguments()).startsWith("eclipse-temurin:25-jre");
	}

	@Test
	void theEntrypointRunsAOneShotJobFromTheAotCache() throws Exception {
		List<String> command = new ArrayList<>(dockerfile.entrypoint());
		command.add("--daca.run-once=escalate-overdue-reviews");
		Run run = exec(command, app, env, Duration.ofMinutes(3));
		assertThat(run.status()).as(run.output()).isZero();
		assertThat(run.output()).contains("one-shot run of escalate-overdue-reviews exits with 0")
			.doesNotContainIgnoringCase("unable to use AOT cache")
			.doesNotContainIgnoringCase("AOT cache disabled");
	}

	@Test
	void theEntrypointServesTheHealthcheckPath() throws Exception {
		Matcher path = Pattern.compile("http://localhost:\\$\\{SERVER_PORT}(/\\S+?)\"")
			.matcher(dockerfile.runtimeStage().all("HEALTHCHECK").getLast().arguments());
		assertThat(path.find()).isTrue();
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Map<String, String> serverEnv = new java.util.HashMap<>(env);
		serverEnv.put("SERVER_PORT", String.valueOf(port));
		serverEnv.put("DACA_DATA_DIR", root.resolve("server-data").toString());
		Path log = root.resolve("server.log");
		Process server = start(dockerfile.entrypoint(), app, serverEnv, log);
		try {
			HttpClient client = HttpClient.newHttpClient();
			URI liveness = URI.create("http://localhost:" + port + path.group(1));
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
				assertThat(server.isAlive()).as(() -> read(log)).isTrue();
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(liveness).build(),
						HttpResponse.BodyHandlers.ofString());
				return response.statusCode() == 200 && response.body().contains("\"UP\"");
			});
		}
		finally {
			server.destroy();
			if (!server.waitFor(30, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	record Run(int status, String output) {
	}

	static Run exec(List<String> command, Path dir, Map<String, String> env, Duration limit) throws Exception {
		Path log = Files.createTempFile(root, "exec", ".log");
		Process process = start(command, dir, env, log);
		if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not finish in " + limit + ": " + read(log));
		}
		return new Run(process.exitValue(), read(log));
	}

	/** The command as the image runs it: its `java` is this JDK 25's, in the given directory, with the image's ENV. */
	static Process start(List<String> command, Path dir, Map<String, String> env, Path log) throws IOException {
		List<String> resolved = new ArrayList<>(command);
		if (resolved.getFirst().equals("java")) {
			resolved.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
		}
		ProcessBuilder builder = new ProcessBuilder(resolved).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().putAll(env);
		return builder.start();
	}

	static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}
}
