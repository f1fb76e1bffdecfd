package dev.daca.workflows;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dapr.workflows.Workflow;
import io.dapr.workflows.client.DaprWorkflowClient;
import io.dapr.workflows.client.WorkflowInstanceStatus;

import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.workflows.home.SmartHomeWorkflow;
import dev.daca.workflows.moderation.ModerationWorkflow;
import dev.daca.workflows.recommendation.RecommendationWorkflow;
import dev.daca.workflows.review.ReviewDecision;
import dev.daca.workflows.review.ReviewWorkflows;
import dev.daca.workflows.triage.DiagnosisWorkflow;

import org.springframework.beans.factory.annotation.Value;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.server.ResponseStatusException;

/**
 * The workflows over HTTP: start one per process, read its status and history by instance id, and deliver the
 * human decision (by instance id, or by review id from the inbox side). An explicit {@code instanceId} makes a start
 * idempotent: the same id starts nothing new.
 */
@RestController
@RequestMapping("/workflows")
@OnDaprWorkflows
class WorkflowsApi {

	record Started(String instanceId, String workflow, String statusUrl, boolean alreadyStarted) {
	}

	record WorkflowView(String instanceId, String workflow, String status, String createdAt, String lastUpdatedAt,
			List<WorkflowStep> history, JsonNode result, String failure) {
	}

	record Delivered(String instanceId, String event) {
	}

	private final DaprWorkflowClient workflows;

	private final ReviewWorkflows waiting;

	private final RestClient sidecar;

	private final ObjectMapper json;

	WorkflowsApi(DaprWorkflowClient workflows, ReviewWorkflows waiting, ObjectMapper json,
			@Value("${dapr.client.http-port:3500}") int daprHttpPort) {
		this.workflows = workflows;
		this.waiting = waiting;
		this.json = json;
		this.sidecar = RestClient.create("http://127.0.0.1:" + daprHttpPort);
	}

	@PostMapping("/moderation")
	ResponseEntity<Started> moderate(@RequestBody Post post, @RequestParam(required = false) String instanceId) {
		return start(ModerationWorkflow.class, ModerationWorkflow.PROCESS, post, instanceId);
	}

	@PostMapping("/diagnosis")
	ResponseEntity<Started> diagnose(@RequestBody SymptomReport report,
			@RequestParam(required = false) String instanceId) {
		return start(DiagnosisWorkflow.class, DiagnosisWorkflow.PROCESS, report, instanceId);
	}

	@PostMapping("/home")
	ResponseEntity<Started> home(@RequestBody HomeSignal signal, @RequestParam(required = false) String instanceId) {
		return start(SmartHomeWorkflow.class, SmartHomeWorkflow.PROCESS, signal, instanceId);
	}

	@PostMapping("/recommendation")
	ResponseEntity<Started> recommend(@RequestBody ShopperActivity activity,
			@RequestParam(required = false) String instanceId) {
		return start(RecommendationWorkflow.class, RecommendationWorkflow.PROCESS, activity, instanceId);
	}

	@GetMapping("/{instanceId}")
	WorkflowView status(@PathVariable String instanceId) {
		JsonNode view = sidecarView(instanceId);
		JsonNode properties = view.path("properties");
		return new WorkflowView(instanceId, view.path("workflowName").asText(), view.path("runtimeStatus").asText(),
				view.path("createdAt").asText(), view.path("lastUpdatedAt").asText(),
				readList(properties.path("dapr.workflow.custom_status").asText(null)),
				readTree(properties.path("dapr.workflow.output").asText(null)),
				properties.path("dapr.workflow.failure.error_message").asText(null));
	}

	@PostMapping("/{instanceId}/decision")
	ResponseEntity<Delivered> decide(@PathVariable String instanceId, @RequestBody ReviewDecision decision) {
		WorkflowInstanceStatus status = existing(instanceId);
		if (!status.isRunning()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT,
					"workflow " + instanceId + " is " + status.getRuntimeStatus() + ", not waiting for a decision");
		}
		workflows.raiseEvent(instanceId, ReviewDecision.EVENT, decision);
		return ResponseEntity.accepted().body(new Delivered(instanceId, ReviewDecision.EVENT));
	}

	@PostMapping("/reviews/{reviewId}/decision")
	ResponseEntity<Delivered> decideReview(@PathVariable String reviewId, @RequestBody ReviewDecision decision) {
		String instanceId = waiting.instanceFor(reviewId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
					"no workflow waits for review " + reviewId));
		return decide(instanceId, decision);
	}

	/**
	 * The sidecar is down or restarting (UNAVAILABLE), or up but its workflow actors are not placed yet because our
	 * worker has not reconnected (FAILED_PRECONDITION "did not find address for actor"): a 503 the caller may retry.
	 */
	@ExceptionHandler(StatusRuntimeException.class)
	ProblemDetail sidecarUnavailable(StatusRuntimeException ex) {
		Status.Code code = ex.getStatus().getCode();
		HttpStatus status = code == Status.Code.UNAVAILABLE || code == Status.Code.FAILED_PRECONDITION
				? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
		return ProblemDetail.forStatusAndDetail(status, "Dapr sidecar: " + ex.getStatus().getCode() + " "
				+ ex.getStatus().getDescription());
	}

	private ResponseEntity<Started> start(Class<? extends Workflow> workflow, String process, Object input,
			String instanceId) {
		if (instanceId != null && !instanceId.isBlank() && known(instanceId)) {
			return ResponseEntity.ok(new Started(instanceId, process, "/workflows/" + instanceId, true));
		}
		String id = instanceId == null || instanceId.isBlank() ? process + "-" + UUID.randomUUID() : instanceId;
		workflows.scheduleNewWorkflow(workflow, input, id);
		return ResponseEntity.accepted().body(new Started(id, process, "/workflows/" + id, false));
	}

	private WorkflowInstanceStatus existing(String instanceId) {
		sidecarView(instanceId);
		return workflows.getInstanceState(instanceId, false);
	}

	/** The sidecar's view of an instance (status, custom status = our history, output); 404 when unknown. */
	private JsonNode sidecarView(String instanceId) {
		return sidecar.get()
			.uri("/v1.0/workflows/dapr/{id}", instanceId)
			.retrieve()
			.onStatus(status -> status.value() == 404, (request, response) -> {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no workflow " + instanceId);
			})
			.body(JsonNode.class);
	}

	private boolean known(String instanceId) {
		try {
			sidecarView(instanceId);
			return true;
		}
		catch (ResponseStatusException notFound) {
			return false;
		}
	}

	private List<WorkflowStep> readList(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		try {
			return List.of(json.readValue(text, WorkflowStep[].class));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unreadable workflow history: " + ex.getOriginalMessage());
		}
	}

	private JsonNode readTree(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("unreadable workflow result: " + ex.getOriginalMessage());
		}
	}
}
