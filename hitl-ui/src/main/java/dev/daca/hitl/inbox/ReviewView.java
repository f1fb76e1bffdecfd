package dev.daca.hitl.inbox;

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
		return new ReviewView(item.reviewId(), item.function(), item.subjectId(), item.summary(),
				read(json, item.reasons()), item.confidence(), item.risk(), item.priority().json(),
				item.candidateGroup(), read(json, item.proposedAction()), item.actionHash(), read(json, item.outcome()),
				item.engine(), item.tier(), item.requestedAt().toString(), item.dueAt().toString(), item.onTimeout(),
				item.bulkAllowed(), item.status().name().toLowerCase());
	}

	/**
	 * As this reviewer may see it: personal data masked by role, and the subject id of a request about a person
	 * (patient, shopper) masked wherever it appears, exactly as on the review page. The action hash stays the
	 * proposal's: an approval is of the stored proposal, masked values included.
	 */
	public static ReviewView of(ReviewItem item, ObjectMapper json, Reviewer reviewer) {
		String hidden = PersonalData.showsSubject(item.function(), reviewer) ? null : item.subjectId();
		return new ReviewView(item.reviewId(), item.function(), hidden == null ? item.subjectId() : PersonalData.MASK,
				PersonalData.maskSubject(PersonalData.mask(item.summary(), reviewer), hidden),
				read(json, item.reasons()), item.confidence(), item.risk(), item.priority().json(),
				item.candidateGroup(),
				PersonalData.maskSubject(PersonalData.mask(read(json, item.proposedAction()), reviewer), hidden),
				item.actionHash(),
				PersonalData.maskSubject(PersonalData.mask(read(json, item.outcome()), reviewer), hidden),
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
