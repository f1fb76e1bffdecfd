package dev.daca.bindings.schedule;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code --daca.run-once=<job>}: the jar runs one job and exits (Kubernetes CronJob, ACA Job). Before any bean
 * exists: no web server, no cron in this process, no stream consumers, and the embedded Kafka broker only when the job
 * says it needs one ({@code daca.schedule.jobs.<job>.needs-broker=true}; with the kafka/rabbit profiles the broker is
 * external anyway). Registered in {@code spring.factories}.
 */
public class RunOnceEnvironment implements EnvironmentPostProcessor {

	static final String PROPERTY = "daca.run-once";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		String job = env.getProperty(PROPERTY);
		if (job == null || job.isBlank()) {
			return;
		}
		Map<String, Object> once = new HashMap<>();
		once.put("spring.main.web-application-type", "none");
		once.put("daca.schedule.enabled", "false");
		once.put("spring.cloud.function.definition", "");
		once.put("spring.cloud.stream.function.autodetect", "false");
		if (!env.getProperty("daca.schedule.jobs." + job + ".needs-broker", Boolean.class, false)) {
			once.put("daca.kafka.embedded.enabled", "false");
		}
		env.getPropertySources().addFirst(new MapPropertySource("daca-run-once", once));
	}
}
