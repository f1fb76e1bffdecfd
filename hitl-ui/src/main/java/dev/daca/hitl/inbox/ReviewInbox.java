package dev.daca.hitl.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;

import dev.daca.functions.review.Priority;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.hitl.audit.AuditLog;
import dev.daca.hitl.security.Reviewer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where review requests wait for a person. Filing the same request twice keeps one. A reviewer sees only the
 * requests of the candidate groups their roles open; claiming, unclaiming and assigning go through here and are
 * audited.
 */
@Service
public class ReviewInbox {

	private final ReviewItems items;

	private final ObjectMapper json;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transaction;

	ReviewInbox(ReviewItems items, ObjectMapper json, ApplicationEventPublisher events, AuditLog audit, Clock clock,
			PlatformTransactionManager transactions) {
		this.items = items;
		this.json = json;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/** File a request; returns false when it was already filed. Tells the live inboxes after the commit. */
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
		events.publishEvent(new ReviewFiled(request.reviewId(), request.function(), request.candidateGroup(),
				request.priority().json(), request.summary()));
		return true;
	}

	/** A workflow's timer ran out: raise the priority of the request (audited); returns the priority it has now. */
	public Priority escalate(String reviewId) {
		Priority raised = transaction.execute(status -> items.findById(reviewId)
			.orElseThrow(() -> new ReviewNotFound("no review request " + reviewId))
			.escalate());
		audit.record("workflow", "escalated", reviewId, "deadline passed: priority " + raised.json());
		return raised;
	}

	/**
	 * A workflow closes the request: approved, rejected or expired. Idempotent, and a decision already recorded on
	 * the page stays (see {@link ReviewItem#settle}); returns the status the request ends with.
	 */
	public ReviewStatus settle(String reviewId, ReviewStatus outcome) {
		ReviewStatus[] before = new ReviewStatus[1];
		ReviewStatus settled = transaction.execute(status -> {
			ReviewItem item = items.findById(reviewId)
				.orElseThrow(() -> new ReviewNotFound("no review request " + reviewId));
			before[0] = item.status();
			return item.settle(outcome);
		});
		if (before[0] != settled) {
			audit.record("workflow", "settled", reviewId, settled.name().toLowerCase());
		}
		return settled;
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

	/** The inbox as this reviewer sees it: most urgent first (priority, then the nearest due time), then newest. */
	@Transactional(readOnly = true)
	public List<ReviewItem> list(Reviewer reviewer, InboxQuery query, int limit) {
		Sort order = Sort.by(Sort.Order.desc("priority"), Sort.Order.asc("dueAt"), Sort.Order.desc("requestedAt"));
		return items.findAll(visible(reviewer, query), PageRequest.of(0, limit, order)).getContent();
	}

	/** How many requests each tab holds under the same filters. */
	@Transactional(readOnly = true)
	public Map<InboxQuery.Tab, Long> counts(Reviewer reviewer, InboxQuery query) {
		Map<InboxQuery.Tab, Long> counts = new LinkedHashMap<>();
		for (InboxQuery.Tab tab : InboxQuery.Tab.values()) {
			counts.put(tab, items.count(visible(reviewer, query.withTab(tab))));
		}
		return counts;
	}

	/** One request, if this reviewer may see it; the look is audited (the page shows personal data). */
	@Transactional(readOnly = true)
	public ReviewItem open(Reviewer reviewer, String reviewId) {
		ReviewItem item = visibleItem(reviewer, reviewId);
		audit.record(reviewer.name(), "viewed", reviewId,
				item.function() + " " + item.subjectId() + " via " + reviewer.channel());
		return item;
	}

	@Transactional(readOnly = true)
	public ReviewItem visibleItem(Reviewer reviewer, String reviewId) {
		ReviewItem item = items.findById(checkedId(reviewId))
			.orElseThrow(() -> new ReviewNotFound("no review request " + reviewId));
		if (!reviewer.mayWorkOn(item.candidateGroup())) {
			// the same answer as for an id that does not exist: a guessed id tells nothing
			throw new ReviewNotFound("no review request " + reviewId);
		}
		return item;
	}

	public void claim(Reviewer reviewer, String reviewId) {
		change(reviewer, reviewId, "claimed", "", item -> item.claim(reviewer.name(), clock.instant()));
	}

	public void unclaim(Reviewer reviewer, String reviewId) {
		change(reviewer, reviewId, "unclaimed", "", item -> item.unclaim(reviewer.name(), reviewer.isAdmin()));
	}

	public void assign(Reviewer reviewer, String reviewId, String assignee) {
		String to = InboxQuery.of(null, null, null, assignee).assignee();
		if (to == null) {
			throw new IllegalArgumentException("name who to assign it to");
		}
		change(reviewer, reviewId, "assigned", "to " + to,
				item -> item.assign(to, reviewer.name(), reviewer.isAdmin(), clock.instant()));
	}

	private void change(Reviewer reviewer, String reviewId, String action, String detail,
			java.util.function.Consumer<ReviewItem> change) {
		try {
			transaction.executeWithoutResult(status -> {
				ReviewItem item = visibleItem(reviewer, reviewId);
				change.accept(item);
				items.saveAndFlush(item);
			});
		}
		catch (org.springframework.orm.ObjectOptimisticLockingFailureException ex) {
			throw new TaskRefused("review " + reviewId + " was changed by someone else a moment ago; reload and retry");
		}
		audit.record(reviewer.name(), action, reviewId, detail);
	}

	/** Overdue open requests: one step more urgent and back to the whole group (run by {@link Escalation}). */
	public int escalateOverdue(int batch) {
		List<String> overdue = transaction.execute(status -> {
			List<ReviewItem> due = items.findByStatusInAndDueAtBefore(
					List.of(ReviewStatus.PENDING, ReviewStatus.CLAIMED), clock.instant(), Limit.of(batch));
			List<String> ids = new ArrayList<>();
			for (ReviewItem item : due) {
				if (item.priority() != dev.daca.functions.review.Priority.URGENT || item.assignee() != null) {
					item.escalate();
					ids.add(item.reviewId());
				}
			}
			return ids;
		});
		overdue.forEach(id -> audit.record("system", "escalated", id, "overdue: priority raised, back to the group"));
		return overdue.size();
	}

	static Specification<ReviewItem> visible(Reviewer reviewer, InboxQuery query) {
		return (root, cq, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(root.get("status").in(query.tab().statuses));
			if (!reviewer.isAdmin()) {
				where.add(reviewer.groups().isEmpty() ? cb.disjunction() : root.get("candidateGroup").in(reviewer.groups()));
			}
			if (query.tab() == InboxQuery.Tab.MINE) {
				where.add(cb.equal(root.get("assignee"), reviewer.name()));
			}
			if (query.function() != null) {
				where.add(cb.equal(root.get("function"), query.function()));
			}
			if (query.priority() != null) {
				where.add(cb.equal(root.get("priority"), query.priority().ordinal()));
			}
			if (query.assignee() != null) {
				where.add(cb.equal(root.get("assignee"), query.assignee()));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}

	/** A review id from a URL or form: what the request-review function makes (a UUID or hex), nothing else. */
	public static String checkedId(String reviewId) {
		if (reviewId == null || !reviewId.matches("[A-Za-z0-9-]{1,64}")) {
			throw new IllegalArgumentException("not a review id: it must be 1-64 letters, digits or dashes");
		}
		return reviewId;
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
