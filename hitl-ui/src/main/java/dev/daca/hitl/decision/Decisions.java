package dev.daca.hitl.decision;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.functions.review.ProposedAction;
import dev.daca.hitl.audit.AuditLog;
import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.inbox.ReviewItem;
import dev.daca.hitl.inbox.ReviewItems;
import dev.daca.hitl.inbox.ReviewStatus;
import dev.daca.hitl.inbox.TaskRefused;
import dev.daca.hitl.privacy.PersonalData;
import dev.daca.hitl.security.Reviewer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a person's decision on a review request, once. In one transaction: the request's status changes (a
 * version-checked update: of two racing reviewers the second updates no row) and the decision row is inserted (its
 * review id is unique: the database refuses a second decision even past the version check), and
 * {@link ReviewDecided} is published to listeners that act after the commit. The decision row is the outbox: it is
 * marked published once the event is on the topic, and {@link #unpublished} lets a relay re-send what was not.
 */
@Service
public class Decisions {

	public static final int MAX_TEXT = 2000;

	public static final int MAX_ACTION_JSON = 16_384;

	/** The result of a bulk approval: what was approved and, for each refused request, why. */
	public record BulkResult(List<String> approved, Map<String, String> refused) {
	}

	private final ReviewInbox inbox;

	private final ReviewItems items;

	private final ReviewDecisions decisions;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final ObjectMapper json;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final TransactionTemplate ownTransaction;

	Decisions(ReviewInbox inbox, ReviewItems items, ReviewDecisions decisions, ApplicationEventPublisher events,
			AuditLog audit, ObjectMapper json, Clock clock, PlatformTransactionManager transactions) {
		this.inbox = inbox;
		this.items = items;
		this.decisions = decisions;
		this.events = events;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Approve, optionally with edited parameters (a JSON object; blank keeps the proposed ones). Values the page
	 * showed masked are kept from the proposal.
	 */
	public ReviewDecision approve(Reviewer reviewer, String reviewId, String editedParameters, String note) {
		String checkedNote = text("note", note, false);
		return decide(reviewer, reviewId, ReviewStatus.APPROVED, null, checkedNote, editedParameters);
	}

	/** Reject: the action does not happen. A reason is required. */
	public ReviewDecision reject(Reviewer reviewer, String reviewId, String reason, String note) {
		String checkedReason = text("reason", reason, true);
		return decide(reviewer, reviewId, ReviewStatus.REJECTED, checkedReason, text("note", note, false), null);
	}

	/** Answer the agent with a note instead of approving or rejecting its action (the action does not happen). */
	public ReviewDecision respond(Reviewer reviewer, String reviewId, String note) {
		return decide(reviewer, reviewId, ReviewStatus.RESPONDED, null, text("note", note, true), null);
	}

	/** Approve many at once; a request whose policy forbids bulk decisions is refused and stays open. */
	public BulkResult bulkApprove(Reviewer reviewer, List<String> reviewIds) {
		if (reviewIds == null || reviewIds.isEmpty()) {
			throw new IllegalArgumentException("select at least one review request to approve");
		}
		if (reviewIds.size() > 200) {
			throw new IllegalArgumentException("at most 200 review requests at once");
		}
		List<String> approved = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		for (String reviewId : reviewIds.stream().distinct().toList()) {
			try {
				ReviewItem item = inbox.visibleItem(reviewer, reviewId);
				if (!item.bulkAllowed()) {
					refused.put(reviewId, "the " + item.function() + " review policy forbids bulk decisions: "
							+ "open it and decide it on its own");
					audit.record(reviewer.name(), "bulk-refused", reviewId, "policy forbids bulk decisions");
					continue;
				}
				decide(reviewer, reviewId, ReviewStatus.APPROVED, null, "bulk approval", null);
				approved.add(reviewId);
			}
			catch (DecisionRefused | TaskRefused | IllegalArgumentException | dev.daca.hitl.inbox.ReviewNotFound ex) {
				refused.put(reviewId, ex.getMessage());
			}
		}
		return new BulkResult(List.copyOf(approved), Map.copyOf(refused));
	}

	/** The decision on a request, if one was recorded. */
	public java.util.Optional<ReviewDecision> of(String reviewId) {
		return decisions.findByReviewId(reviewId);
	}

	/** The diff of an edit, for the preview before approving. */
	public ActionDiff preview(Reviewer reviewer, String reviewId, String editedParameters) {
		ReviewItem item = inbox.visibleItem(reviewer, reviewId);
		ProposedAction proposed = read(item.proposedAction());
		return ActionDiff.between(proposed.parameters(), edited(proposed, editedParameters).parameters());
	}

	/** The outbox: decisions whose event is not on the topic yet, decided longer ago than {@code grace}. */
	public List<ReviewDecided> unpublished(Duration grace, int limit) {
		return transaction.execute(status -> decisions
			.findByPublishedAtIsNullAndDecidedAtBeforeOrderByDecidedAt(clock.instant().minus(grace), Limit.of(limit))
			.stream()
			.map(decision -> event(decision, items.getReferenceById(decision.reviewId())))
			.toList());
	}

	/** The event is on the topic (called by the transport after a send succeeded). */
	public void markPublished(String decisionId) {
		ownTransaction.executeWithoutResult(status -> decisions.findById(decisionId)
			.ifPresent(decision -> decision.published(clock.instant())));
	}

	private ReviewDecision decide(Reviewer reviewer, String reviewId, ReviewStatus outcome, String reason,
			String note, String editedParameters) {
		ReviewInbox.checkedId(reviewId);
		ReviewDecision recorded;
		try {
			recorded = transaction.execute(status -> {
				ReviewItem item = inbox.visibleItem(reviewer, reviewId);
				if (!item.isOpen()) {
					throw refusal(reviewId, item.status().name().toLowerCase());
				}
				ProposedAction proposed = read(item.proposedAction());
				ProposedAction approvedAction = outcome == ReviewStatus.APPROVED ? edited(proposed, editedParameters)
						: null;
				String approvedHash = approvedAction == null ? null : approvedAction.sha256();
				boolean edited = approvedHash != null && !approvedHash.equals(item.actionHash());
				item.decide(outcome, reviewer.name(), reviewer.isAdmin());
				items.saveAndFlush(item);
				ReviewDecision decision = decisions.saveAndFlush(new ReviewDecision(UUID.randomUUID().toString(),
						reviewId, outcome.name().toLowerCase(), reviewer.name(), clock.instant(), reason, note,
						item.proposedAction(), approvedAction == null ? null : write(approvedAction), approvedHash,
						edited));
				events.publishEvent(event(decision, item));
				return decision;
			});
		}
		catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException ex) {
			throw refusal(reviewId, "decided");
		}
		catch (TaskRefused ex) {
			throw new DecisionRefused(ex.getMessage());
		}
		audit.record(reviewer.name(), recorded.outcome(), reviewId, "via " + reviewer.channel()
				+ (recorded.edited() ? " edited action " + recorded.approvedHash() : "")
						+ (reason == null ? "" : " reason: " + reason) + (note == null ? "" : " note: " + note));
		return recorded;
	}

	/** Who won, in words the loser understands. */
	private DecisionRefused refusal(String reviewId, String state) {
		return decisions.findByReviewId(reviewId)
			.map(winner -> new DecisionRefused("This review was already " + winner.outcome() + " by "
					+ winner.decidedBy() + " at " + winner.decidedAt() + ". Your decision was not recorded."))
			.orElseGet(() -> new DecisionRefused("This review is already " + state
					+ ". Your decision was not recorded."));
	}

	private ReviewDecided event(ReviewDecision decision, ReviewItem item) {
		return new ReviewDecided(decision.decisionId(), decision.reviewId(), item.function(), item.subjectId(),
				decision.outcome(), decision.decidedBy(), decision.decidedAt(), decision.reason(), decision.note(),
				decision.approvedAction() == null ? null : read(decision.approvedAction()), decision.approvedHash(),
				item.actionHash(), decision.edited());
	}

	/** The proposed action with the reviewer's parameters; blank means unchanged. */
	ProposedAction edited(ProposedAction proposed, String editedParameters) {
		if (editedParameters == null || editedParameters.isBlank()) {
			return proposed;
		}
		if (editedParameters.length() > MAX_ACTION_JSON) {
			throw new IllegalArgumentException("the edited action is too long (at most " + MAX_ACTION_JSON
					+ " characters)");
		}
		Map<String, Object> parameters;
		try {
			parameters = json.readValue(editedParameters, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("the edited action parameters must be a JSON object, e.g. "
					+ "{\"door\": \"front\"}: " + ex.getOriginalMessage());
		}
		if (parameters == null) {
			throw new IllegalArgumentException("the edited action parameters must be a JSON object");
		}
		// what the page showed masked stays what the agent proposed
		parameters.replaceAll((key, value) -> PersonalData.MASK.equals(value) && proposed.parameters().containsKey(key)
				? proposed.parameters().get(key) : value);
		return new ProposedAction(proposed.kind(), proposed.description(), parameters);
	}

	/** Free text from a form: trimmed, bounded, no control characters; shown escaped, never as markup. */
	static String text(String field, String value, boolean required) {
		String trimmed = value == null ? "" : value.strip();
		if (trimmed.isEmpty()) {
			if (required) {
				throw new IllegalArgumentException("a " + field + " is required");
			}
			return null;
		}
		if (trimmed.length() > MAX_TEXT) {
			throw new IllegalArgumentException("the " + field + " is too long: " + trimmed.length()
					+ " characters, at most " + MAX_TEXT);
		}
		if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new IllegalArgumentException("the " + field + " contains control characters");
		}
		return trimmed;
	}

	private ProposedAction read(String text) {
		try {
			return json.readValue(text, ProposedAction.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("stored proposed action is not readable", ex);
		}
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
