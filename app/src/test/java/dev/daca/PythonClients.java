package dev.daca;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * The independent protocol clients: the official Python SDKs (PyPI {@code mcp}, {@code a2a-sdk}) pinned in
 * {@code protocols/requirements.txt}, installed once into a virtualenv outside the repository
 * ({@code ~/.cache/daca/py-protocols}, or {@code -Ddaca.py-protocols=<dir>}) and re-installed only when the
 * requirements change. A test fails with a clear message when Python or PyPI is not there, and a script that runs
 * past its deadline is killed.
 */
final class PythonClients {

	private static final Path VENV = Path.of(System.getProperty("daca.py-protocols",
			System.getProperty("user.home") + "/.cache/daca/py-protocols"));

	private static final Duration INSTALL_DEADLINE = Duration.ofMinutes(10);

	private PythonClients() {
	}

	/** Runs {@code protocols/<script>} with the arguments; returns its stdout (the script's JSON report). */
	static String run(String script, Duration deadline, String... arguments) {
		Path python = ensureInstalled();
		List<String> command = new ArrayList<>(List.of(python.toString(), resource(script).toString()));
		command.addAll(List.of(arguments));
		Result result = exec(command, deadline);
		if (result.exit() != 0) {
			fail("%s exited with %d%nstdout:%n%s%nstderr:%n%s", script, result.exit(), result.out(), result.err());
		}
		return result.out();
	}

	private static synchronized Path ensureInstalled() {
		Path requirements = resource("requirements.txt");
		Path python = VENV.resolve("bin/python");
		Path stamp = VENV.resolve(".daca-requirements.sha256");
		try {
			String wanted = sha256(Files.readString(requirements));
			if (Files.isExecutable(python) && Files.exists(stamp) && Files.readString(stamp).equals(wanted)) {
				return python;
			}
			if (!Files.isExecutable(python)) {
				Files.createDirectories(VENV.getParent());
				install(List.of("python3", "-m", "venv", VENV.toString()), "create the virtualenv " + VENV
						+ " (is python3 with the venv module installed?)");
			}
			install(List.of(python.toString(), "-m", "pip", "install", "-q", "-r", requirements.toString()),
					"install the Python SDK clients from " + requirements + " (is PyPI reachable?)");
			Files.writeString(stamp, wanted);
			return python;
		}
		catch (IOException ex) {
			return fail("cannot prepare the Python SDK clients in " + VENV + ": " + ex.getMessage(), ex);
		}
	}

	private static void install(List<String> command, String what) {
		Result result = exec(command, INSTALL_DEADLINE);
		if (result.exit() != 0) {
			fail("could not %s: exit %d%n%s%n%s", what, result.exit(), result.out(), result.err());
		}
	}

	private record Result(int exit, String out, String err) {
	}

	private static Result exec(List<String> command, Duration deadline) {
		try {
			Path out = Files.createTempFile("daca-py", ".out");
			Path err = Files.createTempFile("daca-py", ".err");
			Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				fail("%s did not finish within %s; stderr so far:%n%s", command, deadline, Files.readString(err));
			}
			Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
			return result;
		}
		catch (IOException ex) {
			return fail("cannot run " + command + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("interrupted while running " + command, ex);
		}
	}

	private static Path resource(String name) {
		try {
			var url = PythonClients.class.getResource("/protocols/" + name);
			if (url == null) {
				return fail("no test resource protocols/" + name);
			}
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			return fail(ex.getMessage(), ex);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
