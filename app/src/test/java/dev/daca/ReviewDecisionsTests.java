package dev.daca;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.review.ReviewGate;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.hitl.audit.AuditLog;
import dev.daca.hitl.decision.DecisionRefused;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.decision.ReviewDecision;
import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.privacy.RetentionPurge;
import dev.daca.hitl.security.Reviewer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A decision is recorded once and bad input never gets in, on the whole app (the same context as the other app
 * tests): real review requests made by the actuate function and the review gate, the real H2 store, the real
 * security filter chains (MockMvc through them, as a logged-in homeowner, with CSRF).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReviewDecisionsTests {

	static final Reviewer HANA = new Reviewer("hana", Set.of("HOMEOWNER"), Set.of("homeowners"));

	static final Reviewer HUGO = new Reviewer("hugo", Set.of("HOMEOWNER"), Set.of("homeowners"));

	@Autowired
	@Qualifier(HomePlan.FUNCTION)
	java.util.function.Function<HomeSignal, HomePlan> actuate;

	@Autowired
	@Qualifier(TriageAssessment.FUNCTION)
	java.util.function.Function<SymptomReport, TriageAssessment> diagnose;

	@Autowired
	ReviewGate gate;

	@Autowired
	Decisions decisions;

	@Autowired
	ReviewInbox inbox;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RetentionPurge retention;

	@Autowired
	ObjectMapper json;

	@Autowired
	WebApplicationContext context;

	MockMvc web;

	@BeforeEach
	void web() {
		web = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void ofTwoHomeownersDecidingAtOnceExactlyOneWinsAndTheOtherIsToldWho() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 10; round++) {
				String reviewId = fileUnlock();
				CountDownLatch start = new CountDownLatch(1);
				Future<ReviewDecision> approve = pool.submit(atOnce(start,
						() -> decisions.approve(HANA, reviewId, null, null)));
				Future<ReviewDecision> reject = pool.submit(atOnce(start,
						() -> decisions.reject(HUGO, reviewId, "not today", null)));
				start.countDown();
				List<Object> results = new ArrayList<>();
				for (Future<ReviewDecision> decision : List.of(approve, reject)) {
					try {
						results.add(decision.get(30, TimeUnit.SECONDS));
					}
					catch (java.util.concurrent.ExecutionException ex) {
						results.add(ex.getCause());
					}
				}
				List<ReviewDecision> won = results.stream()
					.filter(ReviewDecision.class::isInstance)
					.map(ReviewDecision.class::cast)
					.toList();
				assertThat(won).as("round %d: %s", round, results).hasSize(1);
				Object lost = results.stream().filter(r -> !(r instanceof ReviewDecision)).findFirst().orElseThrow();
				assertThat(lost).isInstanceOf(DecisionRefused.class);
				ReviewDecision winner = won.get(0);
				assertThat(((DecisionRefused) lost).getMessage()).contains(
						"already " + winner.outcome() + " by " + winner.decidedBy(), "not recorded");
				assertThat(decisions.of(reviewId).orElseThrow().decisionId()).isEqualTo(winner.decisionId());
				assertThat(jdbc.queryForObject("select count(*) from review_decision where review_id = ?",
						Integer.class, reviewId)).isEqualTo(1);
				assertThat(inbox.find(reviewId).orElseThrow().status().name().toLowerCase())
					.isEqualTo(winner.outcome());
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theVerifyEndpointFindsTheRowSomeoneAlteredInTheDatabase() throws Exception {
		String reviewId = fileUnlock();
		decisions.reject(HANA, reviewId, "nobody is expected", null);
		web.perform(get("/audit/verify").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.intact").value(true));
		long seq = jdbc.queryForObject("select max(seq) from review_audit where review_id = ? and action = 'rejected'",
				Long.class, reviewId);
		String detail = jdbc.queryForObject("select detail from review_audit where seq = ?", String.class, seq);
		try {
			// someone with database access rewrites history: the rejection becomes an approval
			jdbc.update("update review_audit set action = 'approved', detail = ? where seq = ?", "", seq);
			web.perform(get("/audit/verify").with(user("admin").roles("ADMIN")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.intact").value(false))
				.andExpect(jsonPath("$.firstBrokenSeq").value(seq))
				.andExpect(jsonPath("$.problem").value("the line was altered after it was written"));
			assertThat(audit.verify().firstBrokenSeq()).isEqualTo(seq);
			// and only an admin may ask
			web.perform(get("/audit/verify").with(user("hana").roles("HOMEOWNER"))).andExpect(status().isForbidden());
		}
		finally {
			jdbc.update("update review_audit set action = 'rejected', detail = ? where seq = ?", detail, seq);
		}
		assertThat(audit.verify().intact()).as("restored for the other tests").isTrue();
	}

	@Test
	void aRejectionWithoutAReasonIsRefusedAndTheRequestStaysOpen() throws Exception {
		String reviewId = fileUnlock();
		web.perform(asHana(post("/inbox/" + reviewId + "/reject").param("reason", "   ")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("a reason is required")));
		assertThat(inbox.find(reviewId).orElseThrow().isOpen()).isTrue();
		assertThat(decisions.of(reviewId)).isEmpty();
	}

	@Test
	void tamperedIdsAreRefusedWithoutTellingWhatExists() throws Exception {
		web.perform(asHana(post("/inbox/<script>/approve"))).andExpect(status().isBadRequest());
		web.perform(asHana(post("/inbox/" + "a".repeat(65) + "/approve")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("not a review id")));
		web.perform(asHana(post("/inbox/" + UUID.randomUUID() + "/approve"))).andExpect(status().isNotFound());
		// a real request of another group (moderation) answers as if it did not exist
		String moderation = jdbc.queryForList("select review_id from review_request where candidate_group <> ?",
				String.class, "homeowners").stream().findFirst().orElse(null);
		if (moderation != null) {
			web.perform(asHana(get("/inbox/" + moderation))).andExpect(status().isNotFound());
		}
		web.perform(asHana(post("/inbox/bulk-approve").param("ids", "../../etc/passwd")))
			.andExpect(status().isFound()); // the bulk result lists it as refused
		assertThat(decisions.bulkApprove(HANA, List.of("../../etc/passwd")).refused())
			.containsKey("../../etc/passwd");
		web.perform(get("/api/reviews/%20drop%20table").accept("application/json"))
			.andExpect(status().is4xxClientError());
		web.perform(get("/api/reviews").param("limit", "100000")).andExpect(status().isBadRequest());
	}

	@Test
	void anOversizedNoteIsRefusedWithTheLimit() throws Exception {
		String reviewId = fileUnlock();
		web.perform(asHana(post("/inbox/" + reviewId + "/approve").param("note", "x".repeat(Decisions.MAX_TEXT + 1))))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("at most " + Decisions.MAX_TEXT)));
		web.perform(asHana(post("/inbox/" + reviewId + "/approve").param("parameters", "{not json")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("must be a JSON object")));
		web.perform(asHana(post("/inbox/" + reviewId + "/respond").param("note", "bell\u0007")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("control characters")));
		assertThat(inbox.find(reviewId).orElseThrow().isOpen()).isTrue();
	}

	@Test
	void markupInANoteIsStoredAsTypedAndShownAsText() throws Exception {
		String reviewId = fileUnlock();
		String markup = "<img src=x onerror=alert(1)><script>alert('x')</script> & \"quoted\"";
		web.perform(asHana(post("/inbox/" + reviewId + "/respond").param("note", markup)))
			.andExpect(status().isFound());
		assertThat(jdbc.queryForObject("select note from review_decision where review_id = ?", String.class,
				reviewId)).isEqualTo(markup);
		String page = web.perform(asHana(get("/inbox/" + reviewId))).andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x")
			.contains("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	}

	@Test
	void aPatientsPseudonymousIdIsMaskedOnTheReviewPageForAClinicianAndShownToAnAdmin() throws Exception {
		// a pseudonym without digit runs (those the phone-number rule would mask anyway)
		String patientId = "pt-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
		SymptomReport report = new SymptomReport(patientId, "crushing chest pain and shortness of breath", 58, "female",
				"1 hour");
		ReviewGate.Reviewed<TriageAssessment> reviewed = gate.pass(diagnose.apply(report));
		assertThat(reviewed.approvalRequired()).as("an emergency goes to a clinician").isTrue();
		String reviewId = ((ReviewRequest) reviewed.review()).reviewId();
		String clinician = web.perform(get("/inbox/" + reviewId).with(user("carol").roles("CLINICIAN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(clinician).doesNotContain(patientId).contains(PersonalData.MASK);
		String admin = web.perform(get("/inbox/" + reviewId).with(user("root").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(admin).contains(patientId);
	}

	@Test
	void theEditPreviewShowsWhatTheEditAddsAndExplainsBadJson() throws Exception {
		String reviewId = fileUnlock();
		Map<String, Object> edited = new java.util.LinkedHashMap<>(json.readValue(
				inbox.find(reviewId).orElseThrow().proposedAction(), ProposedActionJson.class).parameters());
		edited.put("autoRelockMinutes", 5);
		web.perform(asHana(post("/inbox/" + reviewId + "/diff").param("parameters", json.writeValueAsString(edited))
			.header("HX-Request", "true")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
					"(?s).*<tr class=\"added\">\\s*<td>autoRelockMinutes</td>.*")));
		web.perform(asHana(post("/inbox/" + reviewId + "/diff").param("parameters", "[1,2]")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("must be a JSON object")));
	}

	record ProposedActionJson(String kind, Map<String, Object> parameters) {
	}

	@Test
	void theRetentionPurgeDeletesOldDecidedRequestsButKeepsTheAuditAndTheUnsentOutbox() {
		String old = fileUnlock();
		String unsent = fileUnlock();
		String recent = fileUnlock();
		for (String reviewId : List.of(old, unsent, recent)) {
			decisions.approve(HANA, reviewId, null, null);
		}
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
				"select count(*) from review_decision where published_at is not null and review_id in (?, ?, ?)",
				Integer.class, old, unsent, recent) == 3);
		java.sql.Timestamp longAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40)));
		jdbc.update("update review_decision set decided_at = ? where review_id in (?, ?)", longAgo, old, unsent);
		jdbc.update("update review_decision set published_at = null where review_id = ?", unsent);
		long auditAboutOld = audit.about(old).size();

		assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

		assertThat(inbox.find(old)).isEmpty();
		assertThat(decisions.of(old)).isEmpty();
		assertThat(inbox.find(unsent)).as("never purged before its event left").isPresent();
		assertThat(inbox.find(recent)).isPresent();
		assertThat(audit.about(old)).as("the audit lines stay").hasSize((int) auditAboutOld);
		assertThat(audit.all().get(audit.all().size() - 1).action()).isEqualTo("purged");
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		String reviewId = fileUnlock();
		web.perform(post("/inbox/" + reviewId + "/approve").with(user("hana").roles("HOMEOWNER")))
			.andExpect(status().isForbidden());
		web.perform(post("/inbox/" + reviewId + "/approve").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(inbox.find(reviewId).orElseThrow().isOpen()).isTrue();
	}

	private MockHttpServletRequestBuilder asHana(MockHttpServletRequestBuilder request) {
		return request.with(user("hana").roles("HOMEOWNER")).with(csrf());
	}

	/** A real unlock request: the actuate function plans it, the review policy files it for the homeowners. */
	private String fileUnlock() {
		HomeSignal signal = json.convertValue(Map.of("signal", "command", "homeId", "h-" + UUID.randomUUID(), "text",
				"unlock the front door"), HomeSignal.class);
		ReviewGate.Reviewed<HomePlan> reviewed = gate.pass(actuate.apply(signal));
		assertThat(reviewed.approvalRequired()).as("the policy sends an unlock to the homeowner").isTrue();
		return ((ReviewRequest) reviewed.review()).reviewId();
	}

	private static <T> Callable<T> atOnce(CountDownLatch start, Callable<T> decide) {
		return () -> {
			start.await();
			return decide.call();
		};
	}
}
