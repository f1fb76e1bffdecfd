package dev.daca.hitl.inbox;

import java.util.List;

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
		return ReviewView.of(item, json);
	}
}
