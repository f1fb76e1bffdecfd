package dev.daca.bindings.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code daca.triggers.key}: the key an external scheduler (cron-job.org, a CI cron) sends to
 * {@code POST /triggers/{job}}. Without one, only requests from this machine (loopback) may trigger a job.
 */
@ConfigurationProperties("daca.triggers")
record TriggerProperties(String key) {

	boolean keyed() {
		return key != null && !key.isBlank();
	}
}
