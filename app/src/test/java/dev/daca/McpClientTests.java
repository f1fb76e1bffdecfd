package dev.daca;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.daca.bindings.review.ReviewGate;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.hitl.audit.AuditLog;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.decision.ReviewDecision;
import dev.daca.hitl.privacy.PersonalData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our MCP server as an independent client sees it: the official MCP Python SDK ({@code protocols/mcp_client.py})
 * initializes a session over Streamable HTTP against the running app, lists the tools, calls each one and makes bad
 * calls, then decides the review the unlock filed with the embedded default's demo reviewer keys (as nobody, as the
 * wrong role, as a homeowner twice); this class asserts on what the client reported and on the inbox's own records.
 * One client run serves every test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpClientTests {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	Decisions decisions;

	@Autowired
	AuditLog audit;

	@Autowired
	@Qualifier(TriageAssessment.FUNCTION)
	Function<SymptomReport, TriageAssessment> diagnose;

	@Autowired
	ReviewGate gate;

	JsonNode report;

	/** A patient's pseudonym without digit runs (those the phone-number rule would mask anyway). */
	final String patientId = "pt-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");

	String patientReview;

	@BeforeAll
	void runTheClient() throws Exception {
		// an emergency triage waits for the clinicians: the reviewers' reads must show it to carol only, masked
		ReviewGate.Reviewed<TriageAssessment> triage = gate.pass(diagnose.apply(new SymptomReport(patientId,
				"crushing chest pain and shortness of breath", 58, "female", "1 hour")));
		patientReview = ((ReviewRequest) triage.review()).reviewId();
		// the embedded default's demo reviewer keys (application.yml, docs/readme-mcp.md)
		String out = PythonClients.run("mcp_client.py", Duration.ofMinutes(2), "http://localhost:" + port + "/mcp",
				"--homeowner-key", "demo-mcp-hana", "--clinician-key", "demo-mcp-carol", "--patient-review",
				patientReview);
		report = json.readTree(out);
	}

	@Test
	void initializesAndListsOneToolPerFunctionWithItsSchema() {
		assertThat(report.path("server").path("name").asText()).isEqualTo("daca");
		assertThat(report.path("server").path("tools").asBoolean()).isTrue();
		JsonNode tools = report.path("tools");
		assertThat(names(tools)).containsExactlyInAnyOrder("classify", "diagnose", "recommend", "actuate",
				"request_review", "list_pending_reviews", "get_review", "decide_review");
		JsonNode classify = tools.path("classify").path("inputSchema");
		assertThat(classify.path("type").asText()).isEqualTo("object");
		assertThat(classify.path("required").toString()).contains("postId", "text");
		assertThat(classify.path("properties").path("text").path("description").asText()).isNotBlank();
		JsonNode diagnose = tools.path("diagnose").path("inputSchema").path("properties");
		assertThat(diagnose.path("age").path("type").asText()).isEqualTo("integer");
		assertThat(tools.path("actuate").path("inputSchema").path("properties").path("signal").path("enum").toString())
			.contains("command", "reading");
	}

	@Test
	void annotationsAreHonest() {
		JsonNode tools = report.path("tools");
		for (String readOnly : List.of("classify", "diagnose", "recommend", "request_review", "list_pending_reviews",
				"get_review")) {
			assertThat(tools.path(readOnly).path("annotations").path("readOnlyHint").asBoolean()).as(readOnly).isTrue();
		}
		JsonNode actuate = tools.path("actuate").path("annotations");
		assertThat(actuate.path("readOnlyHint").asBoolean()).isFalse();
		assertThat(actuate.path("destructiveHint").asBoolean()).isTrue();
		JsonNode decide = tools.path("decide_review").path("annotations");
		assertThat(decide.path("readOnlyHint").asBoolean()).isFalse();
		assertThat(decide.path("destructiveHint").asBoolean()).isTrue();
		// a repeated call changes nothing: the second decision is refused (see aHomeownersKeyDecides...)
		assertThat(decide.path("idempotentHint").asBoolean()).isTrue();
		assertThat(decide.path("openWorldHint").asBoolean()).isFalse();
		assertThat(tools.path("decide_review").path("inputSchema").path("properties").path("decision").path("enum")
			.toString()).contains("approve", "reject", "respond");
	}

	@Test
	void eachFunctionToolAnswersWithStructuredContent() {
		JsonNode calls = report.path("calls");
		assertThat(calls.path("classify").path("isError").asBoolean()).isFalse();
		assertThat(calls.path("classify").path("structured").path("label").asText()).isEqualTo("hate");
		assertThat(calls.path("classify").path("text").get(0).asText()).contains("\"label\":\"hate\"");
		assertThat(calls.path("diagnose").path("structured").path("urgency").asText()).isEqualTo("emergency");
		assertThat(calls.path("recommend").path("isError").asBoolean()).isFalse();
		assertThat(calls.path("recommend").path("structured").path("items").size()).isBetween(1, 3);
		JsonNode routing = calls.path("request_review").path("structured");
		assertThat(routing.path("routing").asText()).isEqualTo("review");
		assertThat(routing.path("function").asText()).isEqualTo("diagnose");
		assertThat(routing.path("candidateGroup").asText()).isEqualTo("clinicians");
		JsonNode classified = calls.path("request_review_classify").path("structured");
		assertThat(classified.path("function").asText()).isEqualTo("classify");
		assertThat(classified.path("routing").asText()).isIn("review", "automatic");
	}

	@Test
	void aHighImpactActuationIsFiledForApprovalNotExecuted() {
		JsonNode unlock = report.path("calls").path("actuate").path("structured");
		assertThat(unlock.path("executed").asBoolean()).isFalse();
		assertThat(unlock.path("approvalRequired").asBoolean()).isTrue();
		assertThat(unlock.path("plan").path("actions").get(0).path("action").asText()).isEqualTo("unlock");
		String reviewId = unlock.path("review").path("reviewId").asText();
		assertThat(reviewId).isNotBlank();
		JsonNode filed = report.path("calls").path("get_review").path("structured");
		assertThat(filed.path("reviewId").asText()).isEqualTo(reviewId);
		assertThat(filed.path("status").asText()).isEqualTo("pending");
		assertThat(filed.path("actionHash").asText()).isEqualTo(unlock.path("review").path("actionHash").asText());
		assertThat(report.path("calls").path("list_pending_reviews").path("structured").path("reviews"))
			.anySatisfy(review -> assertThat(review.path("reviewId").asText()).isEqualTo(reviewId));
		JsonNode lights = report.path("calls").path("actuate_low").path("structured");
		assertThat(lights.path("approvalRequired").asBoolean()).isFalse();
		assertThat(lights.path("executed").asBoolean()).isFalse();
	}

	@Test
	void invalidCallsGetErrorResultsNamingTheProblemAndTheSessionGoesOn() {
		JsonNode invalid = report.path("invalid");
		assertThat(invalid.path("missing_required").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("missing_required").path("text").get(0).asText()).contains("text");
		assertThat(invalid.path("wrong_type").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("wrong_type").path("text").get(0).asText()).contains("age");
		assertThat(invalid.path("unknown_review").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("unknown_review").path("text").get(0).asText()).contains("no-such-review");
		assertThat(invalid.path("unknown_argument").path("isError").asBoolean()).isTrue();
		assertThat(invalid.path("unknown_argument").path("text").get(0).asText()).contains("colour");
		assertThat(report.path("after_invalid").asInt()).isEqualTo(8);
	}

	@Test
	void withoutAReviewerKeyOrWithTheWrongRoleADecisionIsAnErrorResult() {
		JsonNode anonymous = report.path("decide_anonymous");
		assertThat(anonymous.path("isError").asBoolean()).isTrue();
		assertThat(anonymous.path("text").get(0).asText()).contains("needs a reviewer's key");
		JsonNode decide = report.path("decide");
		JsonNode clinician = decide.path("wrong_role");
		assertThat(clinician.path("isError").asBoolean()).isTrue();
		assertThat(clinician.path("text").get(0).asText()).contains("carol", "CLINICIAN", "may not decide actuate",
				"homeowners");
		assertThat(decide.path("unknown_decision").path("isError").asBoolean()).isTrue();
		assertThat(decide.path("unknown_decision").path("text").get(0).asText()).contains("approve, reject or respond");
		assertThat(decide.path("reject_without_reason").path("isError").asBoolean()).isTrue();
		assertThat(decide.path("reject_without_reason").path("text").get(0).asText()).contains("reason is required");
		// a key that is no one's is refused at the door (HTTP 401), even on the open embedded default
		assertThat(decide.path("unknown_key").asText()).contains("401");
	}

	@Test
	void aHomeownersKeyDecidesTheReviewLikeTheInboxAndTheSecondDecisionIsRefused() {
		String reviewId = report.path("calls").path("actuate").path("structured").path("review").path("reviewId")
			.asText();
		JsonNode approved = report.path("decide").path("approve");
		assertThat(approved.path("isError").asBoolean()).as(approved.toString()).isFalse();
		assertThat(approved.path("structured").path("outcome").asText()).isEqualTo("approved");
		assertThat(approved.path("structured").path("decidedBy").asText()).isEqualTo("hana");
		ReviewDecision recorded = decisions.of(reviewId).orElseThrow();
		assertThat(recorded.decidedBy()).isEqualTo("hana");
		assertThat(recorded.note()).isEqualTo("it is my cousin at the door");
		assertThat(recorded.decisionId()).isEqualTo(approved.path("structured").path("decisionId").asText());
		assertThat(audit.about(reviewId)).anySatisfy(line -> {
			assertThat(line.actor()).isEqualTo("hana");
			assertThat(line.action()).isEqualTo("approved");
			assertThat(line.detail()).startsWith("via mcp").contains("it is my cousin at the door");
		});
		// the outbox row is marked published once review.decided is on the topic, as for an inbox decision
		await().atMost(Duration.ofSeconds(30))
			.until(() -> decisions.of(reviewId).map(ReviewDecision::publishedAt).isPresent());
		JsonNode second = report.path("decide").path("second");
		assertThat(second.path("isError").asBoolean()).isTrue();
		assertThat(second.path("text").get(0).asText()).contains("already approved by hana");
		assertThat(decisions.of(reviewId).orElseThrow().outcome()).isEqualTo("approved");
		assertThat(report.path("decide").path("after").path("structured").path("status").asText())
			.isEqualTo("approved");
	}

	@Test
	void aReviewersKeyReadsOnlyTheirGroupsRequestsWithPersonalDataMaskedAndTheLookIsAudited() {
		String homeReview = report.path("calls").path("actuate").path("structured").path("review").path("reviewId")
			.asText();
		JsonNode decide = report.path("decide");

		JsonNode clinicianList = decide.path("clinician_list").path("structured").path("reviews");
		assertThat(decide.path("clinician_list").path("isError").asBoolean()).as(decide.toString()).isFalse();
		assertThat(clinicianList).isNotEmpty()
			.allSatisfy(review -> assertThat(review.path("candidateGroup").asText()).isEqualTo("clinicians"));
		assertThat(clinicianList).extracting(review -> review.path("reviewId").asText())
			.contains(patientReview)
			.doesNotContain(homeReview);
		assertThat(clinicianList.toString()).doesNotContain(patientId);
		JsonNode patient = decide.path("clinician_get_patient");
		assertThat(patient.path("isError").asBoolean()).as(patient.toString()).isFalse();
		assertThat(patient.path("structured").path("subjectId").asText()).isEqualTo(PersonalData.MASK);
		assertThat(patient.path("structured").toString()).doesNotContain(patientId);
		assertThat(decide.path("clinician_get_home").path("isError").asBoolean()).isTrue();
		assertThat(decide.path("clinician_get_home").path("text").get(0).asText()).contains("no review request");
		assertThat(audit.about(patientReview)).anySatisfy(line -> {
			assertThat(line.actor()).isEqualTo("carol");
			assertThat(line.action()).isEqualTo("viewed");
			assertThat(line.detail()).endsWith("via mcp");
		});

		JsonNode homeownerList = decide.path("homeowner_list").path("structured").path("reviews");
		assertThat(homeownerList).isNotEmpty()
			.allSatisfy(review -> assertThat(review.path("candidateGroup").asText()).isEqualTo("homeowners"));
		assertThat(homeownerList).extracting(review -> review.path("reviewId").asText())
			.contains(homeReview)
			.doesNotContain(patientReview);
		assertThat(decide.path("homeowner_get_home").path("isError").asBoolean()).isFalse();
		assertThat(decide.path("homeowner_get_patient").path("isError").asBoolean()).isTrue();

		// the shared key is a service's: the whole inbox, unmasked (as GET /api/reviews)
		JsonNode service = report.path("calls").path("get_patient_review").path("structured");
		assertThat(service.path("subjectId").asText()).isEqualTo(patientId);
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new java.util.ArrayList<>();
		object.fieldNames().forEachRemaining(names::add);
		return names;
	}
}
