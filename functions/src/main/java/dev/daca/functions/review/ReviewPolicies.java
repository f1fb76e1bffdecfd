package dev.daca.functions.review;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.daca.functions.engine.InvalidInput;

/**
 * The review policy in force. Read from YAML ({@code review-policy.yml}: one rule per function, kebab-case keys);
 * replaced at runtime without a restart, either by {@link #replace} (the admin endpoint) or because the file it was
 * loaded from changed ({@link #reloadIfChanged}, polled). A bad file never replaces a good policy: the error is
 * logged and the previous policy stays.
 */
public final class ReviewPolicies {

	private static final Logger log = LoggerFactory.getLogger(ReviewPolicies.class);

	private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
		.addModule(new JavaTimeModule())
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final AtomicReference<ReviewPolicy> current;

	private final Path file;

	private volatile FileTime loadedAt;

	private ReviewPolicies(ReviewPolicy initial, Path file, FileTime loadedAt) {
		this.current = new AtomicReference<>(initial);
		this.file = file;
		this.loadedAt = loadedAt;
	}

	/** A fixed starting policy (tests, or a classpath default that cannot change on disk). */
	public static ReviewPolicies of(ReviewPolicy policy) {
		return new ReviewPolicies(policy, null, null);
	}

	/** Load from a YAML stream that will not be watched. */
	public static ReviewPolicies from(InputStream yaml) throws IOException {
		return of(parse(yaml));
	}

	/** Load from a file and watch it: {@link #reloadIfChanged()} picks up edits. */
	public static ReviewPolicies watching(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new ReviewPolicies(parse(in), file, Files.getLastModifiedTime(file));
		}
	}

	public static ReviewPolicy parse(InputStream yaml) throws IOException {
		try {
			ReviewPolicy policy = new ReviewPolicy(YAML.readValue(yaml,
					YAML.getTypeFactory().constructMapType(java.util.Map.class, String.class, ReviewPolicy.Rule.class)));
			return policy;
		}
		catch (com.fasterxml.jackson.databind.JsonMappingException ex) {
			Throwable cause = ex.getCause() instanceof InvalidInput invalid ? invalid : ex;
			throw new InvalidInput("review policy: " + cause.getMessage().lines().findFirst().orElse("unreadable"));
		}
	}

	public static String toYaml(ReviewPolicy policy) {
		try {
			return YAML.writeValueAsString(policy.functions());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ReviewPolicy current() {
		return current.get();
	}

	/**
	 * Put a new policy in force now. When the policy came from a file, the file is rewritten too, so that the change
	 * survives a restart and the next poll does not undo it.
	 */
	public void replace(ReviewPolicy policy) {
		current.set(policy);
		if (file != null) {
			try {
				Files.writeString(file, toYaml(policy));
				loadedAt = Files.getLastModifiedTime(file);
			}
			catch (IOException ex) {
				log.warn("Review policy replaced in memory only; could not write {}: {}", file, ex.getMessage());
			}
		}
		log.info("Review policy replaced: {}", policy.functions().keySet());
	}

	/** Re-read the watched file if it changed since it was loaded. Returns true when a new policy is in force. */
	public boolean reloadIfChanged() {
		if (file == null) {
			return false;
		}
		try {
			FileTime modified = Files.getLastModifiedTime(file);
			if (modified.equals(loadedAt)) {
				return false;
			}
			try (InputStream in = Files.newInputStream(file)) {
				current.set(parse(in));
			}
			loadedAt = modified;
			log.info("Review policy reloaded from {}", file);
			return true;
		}
		catch (IOException | InvalidInput ex) {
			log.error("Review policy in {} not reloaded, keeping the previous one: {}", file, ex.getMessage());
			return false;
		}
	}

	/** Poll the watched file on a virtual thread; a no-op when the policy does not come from a file. */
	public void watchEvery(Duration period) {
		if (file == null) {
			return;
		}
		Thread.ofVirtual().name("review-policy-watch").start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				try {
					Thread.sleep(period);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				reloadIfChanged();
			}
		});
	}
}
