package dev.daca.hitl.inbox;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The inbox as JSON: what waits for a person. */
@RestController
@RequestMapping("/api/reviews")
class ReviewApi {

	/** One review request as the API shows it. */
	record ReviewView(String reviewId, String function, String subjectId, String summary, JsonNode reasons,
			double confidence, String risk, String priority, String candidateGroup, JsonNode proposedAction,
			String actionHash, JsonNode outcome, String engine, String tier, String requestedAt, String dueAt,
			String onTimeout, boolean bulkDecisionAllowed, String status) {
	}

	private final ReviewInbox inbox;

	private final ObjectMapper json;

	ReviewApi(ReviewInbox inbox, ObjectMapper json) {
		this.inbox = inbox;
		this.json = json;
	}

	@GetMapping
	List<ReviewView> pending(@RequestParam(required = false) String function,
			@RequestParam(defaultValue = "50") int limit) {
		if (limit < 1 || limit > 500) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be between 1 and 500");
		}
		return inbox.pending(function, limit).stream().map(this::view).toList();
	}

	@GetMapping("/{reviewId}")
	ReviewView one(@PathVariable String reviewId) {
		return inbox.find(reviewId)
			.map(this::view)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no review request " + reviewId));
	}

	private ReviewView view(ReviewItem item) {
		return new ReviewView(item.reviewId(), item.function(), item.subjectId(), item.summary(), read(item.reasons()),
				item.confidence(), item.risk(), item.priority().json(), item.candidateGroup(),
				read(item.proposedAction()), item.actionHash(), read(item.outcome()), item.engine(), item.tier(),
				item.requestedAt().toString(), item.dueAt().toString(), item.onTimeout(), item.bulkAllowed(),
				item.status().name().toLowerCase());
	}

	private JsonNode read(String text) {
		try {
			return json.readTree(text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
