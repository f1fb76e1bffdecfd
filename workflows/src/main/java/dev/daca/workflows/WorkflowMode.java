package dev.daca.workflows;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which way the functions are chained: {@code choreography} (each function on its topic, the default) or
 * {@code dapr-workflows} (durable Dapr workflows, the {@code dapr} profile). Said once in the log when the app is
 * ready and always on {@code /actuator/info} as {@code daca.mode}.
 */
@Component
class WorkflowMode implements InfoContributor {

	static final String PROPERTY = "daca.workflows.enabled";

	private static final Logger log = LoggerFactory.getLogger(WorkflowMode.class);

	private final String mode;

	private final String sidecar;

	WorkflowMode(@Value("${" + PROPERTY + ":false}") boolean workflows,
			@Value("${dapr.client.grpc-port:50001}") int grpcPort) {
		this.mode = workflows ? "dapr-workflows" : "choreography";
		this.sidecar = workflows ? "127.0.0.1:" + grpcPort : "none";
	}

	String mode() {
		return mode;
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		if (mode.equals("dapr-workflows")) {
			log.info("DACA mode: dapr-workflows (durable workflows on the Dapr sidecar at {}; topics still run)", sidecar);
		}
		else {
			log.info("DACA mode: choreography (functions chained through topics; no Dapr sidecar used)");
		}
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("daca", Map.of("mode", mode, "daprSidecar", sidecar));
	}
}
