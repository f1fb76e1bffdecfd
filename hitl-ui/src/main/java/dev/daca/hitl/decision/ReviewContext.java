package dev.daca.hitl.decision;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.hitl.inbox.ReviewCard;
import dev.daca.hitl.inbox.ReviewItem;
import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.security.Reviewer;

/**
 * What the decision view shows beside the forms: the agent's output (confidence, rationale, evidence), the policy
 * reasons, the engine and rung, and the proposed action; personal data masked by role.
 */
record ReviewContext(ReviewCard card, String risk, String engine, String tier, String method, List<String> reasons,
		String rationale, List<String> evidence, String outcomeJson, String actionKind, String actionDescription,
		String actionParametersJson, String actionHash, String onTimeout) {

	static ReviewContext of(ReviewItem item, Reviewer reviewer, ObjectMapper json) {
		// the card masks a person's subject id; the agent's output and the action's parameters carry it too
		PersonalData.Masking masking = PersonalData.masking(reviewer, item.function(), item.subjectId());
		JsonNode outcome = masking.json(read(json, item.outcome()));
		JsonNode action = read(json, item.proposedAction());
		JsonNode parameters = masking.json(action.path("parameters"));
		List<String> reasons = new ArrayList<>();
		read(json, item.reasons()).forEach(reason -> reasons.add(reason.asText()));
		String rationale = outcome.hasNonNull("rationale") ? outcome.get("rationale").asText()
				: outcome.hasNonNull("nextStep") ? outcome.get("nextStep").asText() : item.summary();
		List<String> evidence = new ArrayList<>();
		outcome.path("evidence").forEach(e -> evidence.add(e.path("kind").asText() + ": \"" + e.path("matched").asText()
				+ "\"" + (e.hasNonNull("similarity") ? " (similarity " + e.path("similarity").asText() + ")" : "")));
		outcome.path("redFlags").forEach(flag -> evidence.add("red flag: " + flag.path("id").asText()));
		outcome.path("actions").forEach(a -> evidence.add(a.path("action").asText() + " " + a.path("target").asText()
				+ " (impact " + a.path("impact").asText() + ")" + (a.hasNonNull("reason") ? ": " + a.path("reason").asText() : "")));
		outcome.path("items").forEach(i -> evidence.add("item " + i.path("productId").asText()));
		return new ReviewContext(ReviewCard.of(item, reviewer), item.risk(), item.engine(), item.tier(),
				outcome.path("decidedBy").path("method").asText(""), reasons,
				masking.text(rationale), evidence, pretty(json, outcome), action.path("kind").asText(),
				masking.text(action.path("description").asText()), pretty(json, parameters),
				item.actionHash(),
				item.onTimeout());
	}

	private static JsonNode read(ObjectMapper json, String text) {
		try {
			return json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored review request is not readable JSON", ex);
		}
	}

	private static String pretty(ObjectMapper json, JsonNode node) {
		try {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
