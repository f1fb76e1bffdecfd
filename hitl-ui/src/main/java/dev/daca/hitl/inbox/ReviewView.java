package dev.daca.hitl.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One review request as the outside world sees it (the JSON API, the MCP review tools): JSON fields as JSON. */
public record ReviewView(String reviewId, String function, String subjectId, String summary, JsonNode reasons,
		double confidence, String risk, String priority, String candidateGroup, JsonNode proposedAction,
		String actionHash, JsonNode outcome, String engine, String tier, String requestedAt, String dueAt,
		String onTimeout, boolean bulkDecisionAllowed, String status) {

	public static ReviewView of(ReviewItem item, ObjectMapper json) {
		return new ReviewView(item.reviewId(), item.function(), item.subjectId(), item.summary(),
				read(json, item.reasons()), item.confidence(), item.risk(), item.priority().json(),
				item.candidateGroup(), read(json, item.proposedAction()), item.actionHash(), read(json, item.outcome()),
				item.engine(), item.tier(), item.requestedAt().toString(), item.dueAt().toString(), item.onTimeout(),
				item.bulkAllowed(), item.status().name().toLowerCase());
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
