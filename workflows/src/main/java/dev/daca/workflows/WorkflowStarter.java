package dev.daca.workflows;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.dapr.workflows.Workflow;
import io.dapr.workflows.client.DaprWorkflowClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * Starts workflows, from HTTP and from topic events alike, at most once per instance id. Daprd refuses a second
 * start of a running instance ("an active workflow ... already exists") but silently RESTARTS a finished one, so an
 * instance that exists in any state is looked up first and left alone; the refusal covers the race between two
 * starts. Counted as {@code daca_workflow_starts_total{process,via,outcome=started|duplicate}}.
 */
@Component
@OnDaprWorkflows
public class WorkflowStarter {

	/** What a start did: the instance id, and whether that instance existed already (nothing was started). */
	public record Started(String instanceId, String workflow, String statusUrl, boolean alreadyStarted) {
	}

	private static final Logger log = LoggerFactory.getLogger(WorkflowStarter.class);

	private final DaprWorkflowClient workflows;

	private final RestClient sidecar;

	private final MeterRegistry meters;

	WorkflowStarter(DaprWorkflowClient workflows, MeterRegistry meters,
			@Value("${dapr.client.http-port:3500}") int daprHttpPort) {
		this.workflows = workflows;
		this.meters = meters;
		this.sidecar = RestClient.create("http://127.0.0.1:" + daprHttpPort);
	}

	/**
	 * @param instanceId null or blank: a new random id; otherwise the start is idempotent on it
	 * @param via where the start came from ({@code http}, {@code topic}), for the metric
	 */
	public Started start(Class<? extends Workflow> workflow, String process, Object input, String instanceId,
			String via) {
		boolean chosen = instanceId != null && !instanceId.isBlank();
		String id = chosen ? instanceId : process + "-" + UUID.randomUUID();
		if (chosen && view(id).isPresent()) {
			return counted(process, via, new Started(id, process, "/workflows/" + id, true));
		}
		try {
			workflows.scheduleNewWorkflow(workflow, input, id);
		}
		catch (RuntimeException ex) {
			if (!alreadyExists(ex)) {
				throw ex;
			}
			return counted(process, via, new Started(id, process, "/workflows/" + id, true));
		}
		return counted(process, via, new Started(id, process, "/workflows/" + id, false));
	}

	/** The sidecar's view of an instance (status, custom status = our history, output); empty when unknown. */
	Optional<JsonNode> view(String instanceId) {
		try {
			return Optional.ofNullable(sidecar.get()
				.uri("/v1.0/workflows/dapr/{id}", instanceId)
				.retrieve()
				.onStatus(status -> status.value() == 404, (request, response) -> {
					throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no workflow " + instanceId);
				})
				.body(JsonNode.class));
		}
		catch (ResponseStatusException notFound) {
			return Optional.empty();
		}
	}

	private Started counted(String process, String via, Started started) {
		String outcome = started.alreadyStarted() ? "duplicate" : "started";
		meters.counter("daca.workflow.starts", "process", process, "via", via, "outcome", outcome).increment();
		if (started.alreadyStarted()) {
			log.info("workflow {} exists already: not started again ({})", started.instanceId(), via);
		}
		return started;
	}

	private static boolean alreadyExists(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("already exists")) {
				return true;
			}
		}
		return false;
	}
}
