package dev.daca.hitl.inbox;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.functions.review.Priority;
import dev.daca.functions.review.ReviewRequest;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where review requests wait for a person. Filing the same request twice keeps one. */
@Service
public class ReviewInbox {

	private final ReviewItems items;

	private final ObjectMapper json;

	ReviewInbox(ReviewItems items, ObjectMapper json) {
		this.items = items;
		this.json = json;
	}

	/** File a request; returns false when it was already filed. */
	@Transactional
	public boolean file(ReviewRequest request) {
		if (items.existsById(request.reviewId())) {
			return false;
		}
		items.save(new ReviewItem(request.reviewId(), request.function(), request.subjectId(), request.summary(),
				write(request.reasons()), request.confidence(), request.risk().json(), request.priority(),
				request.candidateGroup(), write(request.proposedAction()), request.actionHash(),
				write(request.outcome()), request.decidedBy().engine().json(), request.decidedBy().tier().json(),
				request.requestedAt(), request.dueAt(), request.onTimeout(), request.bulkDecisionAllowed()));
		return true;
	}

	/** Raise the priority of a request nobody decided in time; returns the new priority. */
	@Transactional
	public Priority escalate(String reviewId) {
		return items.findById(reviewId)
			.orElseThrow(() -> new IllegalArgumentException("no review request " + reviewId))
			.escalate();
	}

	/** Close a request: approved, rejected or expired (idempotent). */
	@Transactional
	public void settle(String reviewId, ReviewStatus outcome) {
		items.findById(reviewId)
			.orElseThrow(() -> new IllegalArgumentException("no review request " + reviewId))
			.settle(outcome);
	}

	@Transactional(readOnly = true)
	public List<ReviewItem> pending(String function, int limit) {
		return function == null || function.isBlank()
				? items.findByStatusOrderByPriorityDescRequestedAtDesc(ReviewStatus.PENDING, Limit.of(limit))
				: items.findByFunctionAndStatusOrderByRequestedAtDesc(function, ReviewStatus.PENDING, Limit.of(limit));
	}

	@Transactional(readOnly = true)
	public Optional<ReviewItem> find(String reviewId) {
		return items.findById(reviewId);
	}

	private String write(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
