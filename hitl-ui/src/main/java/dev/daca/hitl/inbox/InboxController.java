package dev.daca.hitl.inbox;

import java.time.Clock;

import dev.daca.hitl.ReviewPage;
import dev.daca.hitl.security.Reviewer;
import dev.daca.hitl.security.Reviewers;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The inbox page: the list with its tabs and filters, the live stream, and claim / unclaim / assign. */
@Controller
@ReviewPage
@RequestMapping("/inbox")
class InboxController {

	static final int PAGE = 100;

	private final ReviewInbox inbox;

	private final Reviewers reviewers;

	private final InboxUpdates updates;

	private final Clock clock;

	InboxController(ReviewInbox inbox, Reviewers reviewers, InboxUpdates updates, Clock clock) {
		this.inbox = inbox;
		this.reviewers = reviewers;
		this.updates = updates;
		this.clock = clock;
	}

	@GetMapping
	String inbox(@RequestParam(required = false) String tab, @RequestParam(required = false) String function,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String assignee,
			Authentication auth, Model model) {
		fill(model, reviewers.of(auth), InboxQuery.of(tab, function, priority, assignee));
		return "inbox";
	}

	/** The list and its tab counts, for htmx to swap in (filters, live updates). */
	@GetMapping("/queue")
	String queue(@RequestParam(required = false) String tab, @RequestParam(required = false) String function,
			@RequestParam(required = false) String priority, @RequestParam(required = false) String assignee,
			Authentication auth, Model model) {
		fill(model, reviewers.of(auth), InboxQuery.of(tab, function, priority, assignee));
		return "inbox :: queue";
	}

	@GetMapping(path = "/events", produces = "text/event-stream")
	SseEmitter events(Authentication auth) {
		return updates.subscribe(reviewers.of(auth));
	}

	@PostMapping("/{reviewId}/claim")
	String claim(@PathVariable String reviewId, Authentication auth) {
		inbox.claim(reviewers.of(auth), reviewId);
		return "redirect:/inbox/" + reviewId;
	}

	@PostMapping("/{reviewId}/unclaim")
	String unclaim(@PathVariable String reviewId, Authentication auth) {
		inbox.unclaim(reviewers.of(auth), reviewId);
		return "redirect:/inbox/" + reviewId;
	}

	@PostMapping("/{reviewId}/assign")
	String assign(@PathVariable String reviewId, @RequestParam(required = false) String assignee,
			Authentication auth) {
		inbox.assign(reviewers.of(auth), reviewId, assignee);
		return "redirect:/inbox/" + reviewId;
	}

	private void fill(Model model, Reviewer reviewer, InboxQuery query) {
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("query", query);
		model.addAttribute("tabs", InboxQuery.Tab.values());
		model.addAttribute("counts", inbox.counts(reviewer, query));
		model.addAttribute("cards",
				inbox.list(reviewer, query, PAGE).stream().map(item -> ReviewCard.of(item, reviewer)).toList());
		model.addAttribute("functions", InboxQuery.FUNCTIONS.stream().sorted().toList());
		model.addAttribute("now", clock.instant());
	}
}
