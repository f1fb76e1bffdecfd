package dev.daca.bindings.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the {@link EmbeddedKafkaBroker} when {@code daca.kafka.embedded.enabled=true} (the embedded default), before
 * any bean exists, and points the Kafka binder and Spring Kafka at it. Registered in {@code spring.factories} because
 * the broker address must be known when the environment is prepared. Stops the broker when the context closes.
 * <p>
 * Settings: {@code daca.kafka.embedded.port} (0 = a free port), {@code daca.kafka.embedded.log-dir} (default
 * {@code ${daca.data-dir}/kafka}; {@code temp} for a throw-away directory), {@code daca.kafka.embedded.partitions}.
 */
public class EmbeddedKafkaStarter implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String ENABLED = "daca.kafka.embedded.enabled";

	static final String BOOTSTRAP = "daca.kafka.embedded.bootstrap-servers";

	/**
	 * One broker per application context, so two apps in one JVM (two test contexts) do not share consumer groups.
	 * Spring Cloud Stream's binder child contexts inherit the parent's environment, broker address included: they
	 * reuse it.
	 */
	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment env = event.getEnvironment();
		if (!env.getProperty(ENABLED, Boolean.class, false) || env.containsProperty(BOOTSTRAP)) {
			return;
		}
		EmbeddedKafkaBroker broker = start(env);
		env.getPropertySources()
			.addFirst(new MapPropertySource(EmbeddedKafkaStarter.class.getName(),
					Map.of("spring.cloud.stream.kafka.binder.brokers", broker.bootstrapServers(),
							"spring.kafka.bootstrap-servers", broker.bootstrapServers(), BOOTSTRAP,
							broker.bootstrapServers())));
		event.getSpringApplication().addListeners((ApplicationListener<ContextClosedEvent>) closed -> {
			if (closed.getApplicationContext().getParent() == null) {
				broker.close();
			}
		});
	}

	private static EmbeddedKafkaBroker start(ConfigurableEnvironment env) {
		try {
			String configured = env.getProperty("daca.kafka.embedded.log-dir", "");
			Path logDir = configured.isBlank()
					? Path.of(env.getProperty("daca.data-dir", "data"), "kafka")
					: "temp".equals(configured) ? Files.createTempDirectory("daca-kafka") : Path.of(configured);
			EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(logDir,
					env.getProperty("daca.kafka.embedded.port", Integer.class, 0),
					env.getProperty("daca.kafka.embedded.partitions", Integer.class, 3));
			Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-kafka-shutdown"));
			return broker;
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException("Embedded Kafka broker: cannot create its log directory", ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
