package dev.daca.hitl.inbox;

import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.security.Reviewer;

/**
 * One review request as the outside world sees it (the JSON API, the MCP review tools): JSON fields as JSON. A
 * service with the shared key sees it whole ({@link #of(ReviewItem, ObjectMapper)}); a reviewer sees it as the page
 * shows it to them ({@link #of(ReviewItem, ObjectMapper, Reviewer)}).
 */
public record ReviewView(String reviewId, String function, String subjectId, String summary, JsonNode reasons,
		double confidence, String risk, String priority, String candidateGroup, JsonNode proposedAction,
		String actionHash, JsonNode outcome, String engine, String tier, String requestedAt, String dueAt,
		String onTimeout, boolean bulkDecisionAllowed, String status) {

	public static ReviewView of(ReviewItem item, ObjectMapper json) {
		return of(item, json, item.subjectId(), UnaryOperator.identity(), UnaryOperator.identity());
	}

	/**
	 * As this reviewer may see it, exactly as on the review page ({@link PersonalData#masking}). The action hash stays
	 * the proposal's: an approval is of the stored proposal, masked values included.
	 */
	public static ReviewView of(ReviewItem item, ObjectMapper json, Reviewer reviewer) {
		PersonalData.Masking masking = PersonalData.masking(reviewer, item.function(), item.subjectId());
		return of(item, json, masking.subjectId(item.subjectId()), masking::text, masking::json);
	}

	private static ReviewView of(ReviewItem item, ObjectMapper json, String subjectId, UnaryOperator<String> text,
			UnaryOperator<JsonNode> node) {
		return new ReviewView(item.reviewId(), item.function(), subjectId, text.apply(item.summary()),
				read(json, item.reasons()), item.confidence(), item.risk(), item.priority().json(),
				item.candidateGroup(), node.apply(read(json, item.proposedAction())), item.actionHash(),
				node.apply(read(json, item.outcome())), item.engine(), item.tier(), item.requestedAt().toString(),
				item.dueAt().toString(), item.onTimeout(), item.bulkAllowed(), item.status().name().toLowerCase());
	}

	private static JsonNode read(ObjectMapper json, String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
