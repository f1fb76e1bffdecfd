package dev.daca.bindings.mcp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;

import dev.daca.bindings.mcp.ToolCalls.Hints;
import dev.daca.bindings.review.ReviewGate;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.hitl.decision.DecisionRefused;
import dev.daca.hitl.decision.Decisions;
import dev.daca.hitl.decision.ReviewDecision;
import dev.daca.hitl.inbox.InboxQuery;
import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.inbox.ReviewItem;
import dev.daca.hitl.inbox.ReviewNotFound;
import dev.daca.hitl.inbox.ReviewView;
import dev.daca.hitl.inbox.TaskRefused;
import dev.daca.hitl.security.Reviewer;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The functions as MCP tools (served by Spring AI's stateless Streamable-HTTP MCP server at {@code /mcp}): one tool
 * per function, two to read the review inbox and one to decide a review. Thin adapters: each calls the function bean,
 * the inbox or {@link Decisions}, no domain logic here. {@code decide_review} acts as the reviewer whose key the
 * caller sent ({@code daca.mcp.reviewer-keys}, see {@link McpTransport}) with that reviewer's roles: no reviewer key,
 * or a reviewer whose groups do not include the request's candidate group, gets an error result. The decision is the
 * inbox's own (same outbox row and {@code review.decided} event, and the audit line says {@code via mcp}), so MCP
 * is no way around the human. The two reading tools answer a reviewer's key as the page answers that reviewer: only
 * their groups' requests, personal data masked by role, a look at one request audited; a caller with only the
 * shared key is a service and reads the inbox whole, as on {@code GET /api/reviews}.
 */
@Configuration(proxyBeanMethods = false)
class McpTools {

	/** How the audit log names this way in. */
	private static final String CHANNEL = "mcp";

	/** Arguments of {@code list_pending_reviews}. */
	record PendingQuery(String function, Integer limit) {
	}

	/** The result of {@code list_pending_reviews} (MCP structured content is an object, not a list). */
	record PendingReviews(List<ReviewView> reviews) {
	}

	/**
	 * The result of {@code actuate}.
	 * @param plan what the home would do
	 * @param executed always false: no transport executes device actions
	 * @param approvalRequired whether the review policy sent the plan to a person (it is then in the inbox)
	 * @param review the review gate's answer (a review request with its id, or automatic)
	 */
	record Actuation(HomePlan plan, boolean executed, boolean approvalRequired, ReviewRouting review) {
	}

	/** Arguments of {@code get_review}. */
	record ReviewQuery(String reviewId) {
	}

	/** Arguments of {@code decide_review}. */
	record DecisionRequest(String reviewId, String decision, Map<String, Object> editedParameters, String reason,
			String note) {
	}

	/** The result of {@code decide_review}: the recorded decision. */
	record Decided(String decisionId, String reviewId, String outcome, String decidedBy, Instant decidedAt,
			String reason, String note, String approvedHash, boolean edited) {

		static Decided of(ReviewDecision decision) {
			return new Decided(decision.decisionId(), decision.reviewId(), decision.outcome(), decision.decidedBy(),
					decision.decidedAt(), decision.reason(), decision.note(), decision.approvedHash(),
					decision.edited());
		}
	}

	@Bean
	List<SyncToolSpecification> dacaMcpTools(ObjectMapper json,
			@Qualifier(ModerationVerdict.FUNCTION) Function<Post, ModerationVerdict> classify,
			@Qualifier(TriageAssessment.FUNCTION) Function<SymptomReport, TriageAssessment> diagnose,
			@Qualifier(Recommendations.FUNCTION) Function<ShopperActivity, Recommendations> recommend,
			@Qualifier(HomePlan.FUNCTION) Function<HomeSignal, HomePlan> actuate,
			@Qualifier("request-review") Function<Outcome, ReviewRouting> requestReview, ReviewGate gate,
			ReviewInbox inbox, Decisions decisions) {
		ToolCalls tools = new ToolCalls(json);
		return List.of(
				tools.tool("classify", "Moderate a post",
						"Classify a post or comment: safe, spam, harassment, hate, sexual, violence or self-harm, with "
								+ "severity, confidence in [0,1], rationale, evidence and which rung decided (rules, "
								+ "embedding, LLM). Decides only; removes nothing.",
						Hints.READ_ONLY_MAY_ASK_LLM, Post.class, true, classify),
				tools.tool("diagnose", "Triage symptoms",
						"Triage a patient's symptoms: urgency (emergency, urgent, routine, self-care), red flags and "
								+ "candidate conditions, with confidence. Not medical advice.",
						Hints.READ_ONLY_MAY_ASK_LLM, SymptomReport.class, true, diagnose),
				tools.tool("recommend", "Recommend products",
						"Recommend products for a shopper from their recent views, carts and purchases, each with a "
								+ "score and a reason.",
						Hints.READ_ONLY_MAY_ASK_LLM, ShopperActivity.class, true, recommend),
				tools.tool("actuate", "Plan smart-home actions",
						"Plan what a home should do for a command or a sensor reading. Nothing is executed by this "
								+ "tool: it returns the plan, and when the review policy says a person must look (every "
								+ "high-impact action such as unlocking a door or disarming the alarm) it files an "
								+ "approval request in the homeowners' review inbox and says approvalRequired.",
						new Hints(false, true, false, true), HomeSignal.class, true, signal -> {
							ReviewGate.Reviewed<HomePlan> reviewed = gate.pass(actuate.apply(signal));
							return new Actuation(reviewed.outcome(), false, reviewed.approvalRequired(),
									reviewed.review());
						}),
				tools.tool("request_review", "Ask the review gate",
						"Decide whether a person must look at an outcome of classify, diagnose, recommend or actuate "
								+ "(pass the tool's structured result). Returns routing review (with reasons, priority, "
								+ "who decides and the proposed action's SHA-256) or automatic. Files nothing.",
						Hints.READ_ONLY_LOCAL, Outcome.class, false, requestReview),
				tools.tool("list_pending_reviews", "List pending reviews",
						"The review requests waiting for a person, highest priority and newest first.",
						Hints.READ_ONLY_LOCAL, PendingQuery.class, true,
						(context, query) -> pending(inbox, json, context, query)),
				tools.tool("get_review", "Get a review request",
						"One review request by id, with its reasons, proposed action, action hash and status.",
						Hints.READ_ONLY_LOCAL, ReviewQuery.class, true,
						(context, query) -> one(inbox, json, context, query)),
				tools.tool("decide_review", "Decide a review request",
						"Approve (optionally with edited parameters), reject (a reason is required) or respond to (a "
								+ "note is required) a pending review request, as the reviewer whose key you sent. "
								+ "Only a reviewer whose roles cover the request's candidate group may decide it; a "
								+ "request is decided once, and a second decision is refused. The decision goes out "
								+ "exactly as one made in the inbox: audited, and published as review.decided.",
						new Hints(false, true, true, false), DecisionRequest.class, true,
						(context, request) -> decide(decisions, inbox, json, context, request)));
	}

	private static Decided decide(Decisions decisions, ReviewInbox inbox, ObjectMapper json,
			McpTransportContext context, DecisionRequest request) {
		Reviewer reviewer = caller(context).orElseThrow(() -> new ToolCalls.ToolFailure("deciding a review needs a "
				+ "reviewer's key: call with Authorization: Bearer <your reviewer key> (daca.mcp.reviewer-keys); "
				+ "without one you may only read reviews"));
		String reviewId = request.reviewId();
		try {
			ReviewItem item = inbox.find(ReviewInbox.checkedId(reviewId))
				.orElseThrow(() -> new ToolCalls.ToolFailure("no review request " + reviewId));
			if (!reviewer.mayWorkOn(item.candidateGroup())) {
				throw new ToolCalls.ToolFailure(reviewer.name() + " (roles " + String.join(", ", reviewer.roles())
						+ ") may not decide " + item.function() + " reviews: they are for the "
						+ item.candidateGroup() + " group");
			}
			String decision = request.decision() == null ? "" : request.decision();
			if (request.editedParameters() != null && !decision.equals("approve")) {
				throw new ToolCalls.ToolFailure("editedParameters go only with approve");
			}
			if (request.reason() != null && !decision.equals("reject")) {
				throw new ToolCalls.ToolFailure("a reason goes only with reject; use note");
			}
			return Decided.of(switch (decision) {
				case "approve" -> decisions.approve(reviewer, reviewId,
						request.editedParameters() == null ? null : json.writeValueAsString(request.editedParameters()),
						request.note());
				case "reject" -> decisions.reject(reviewer, reviewId, request.reason(), request.note());
				case "respond" -> decisions.respond(reviewer, reviewId, request.note());
				default -> throw new ToolCalls.ToolFailure("decision must be approve, reject or respond");
			});
		}
		catch (DecisionRefused | TaskRefused | ReviewNotFound | IllegalArgumentException ex) {
			throw new ToolCalls.ToolFailure(ex.getMessage());
		}
		catch (JsonProcessingException ex) {
			throw new ToolCalls.ToolFailure("editedParameters are not JSON: " + ex.getOriginalMessage());
		}
	}

	/** The reviewer whose key the caller sent, acting through MCP; empty for the shared key (a service). */
	private static Optional<Reviewer> caller(McpTransportContext context) {
		return McpTransport.reviewer(context).map(reviewer -> reviewer.through(CHANNEL));
	}

	private static PendingReviews pending(ReviewInbox inbox, ObjectMapper json, McpTransportContext context,
			PendingQuery query) {
		int limit = query.limit() == null ? 50 : query.limit();
		if (limit < 1 || limit > 500) {
			throw new ToolCalls.ToolFailure("limit must be between 1 and 500");
		}
		Optional<Reviewer> reviewer = caller(context);
		if (reviewer.isEmpty()) {
			return new PendingReviews(
					inbox.pending(query.function(), limit).stream().map(item -> ReviewView.of(item, json)).toList());
		}
		try {
			InboxQuery pending = InboxQuery.of(InboxQuery.Tab.PENDING.json(), query.function(), null, null);
			return new PendingReviews(inbox.list(reviewer.get(), pending, limit).stream()
				.map(item -> ReviewView.of(item, json, reviewer.get()))
				.toList());
		}
		catch (IllegalArgumentException ex) {
			throw new ToolCalls.ToolFailure(ex.getMessage());
		}
	}

	private static ReviewView one(ReviewInbox inbox, ObjectMapper json, McpTransportContext context,
			ReviewQuery query) {
		if (query.reviewId() == null || query.reviewId().isBlank()) {
			throw new ToolCalls.ToolFailure("reviewId is required");
		}
		Optional<Reviewer> reviewer = caller(context);
		if (reviewer.isEmpty()) {
			return inbox.find(query.reviewId())
				.map(item -> ReviewView.of(item, json))
				.orElseThrow(() -> new ToolCalls.ToolFailure("no review request " + query.reviewId()));
		}
		try {
			// another group's request answers as an unknown id does, and the look is audited as on the page
			return ReviewView.of(inbox.open(reviewer.get(), query.reviewId()), json, reviewer.get());
		}
		catch (ReviewNotFound | IllegalArgumentException ex) {
			throw new ToolCalls.ToolFailure(ex.getMessage());
		}
	}
}
