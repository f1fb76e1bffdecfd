package dev.daca.hitl.decision;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.daca.hitl.ReviewPage;
import dev.daca.hitl.inbox.ReviewInbox;
import dev.daca.hitl.inbox.ReviewItem;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The decision view of one request: its context, and approve (as proposed or edited), reject, respond. */
@Controller
@ReviewPage
@RequestMapping("/inbox")
class DecisionController {

	private final ReviewInbox inbox;

	private final Decisions decisions;

	private final Reviewers reviewers;

	private final ObjectMapper json;

	DecisionController(ReviewInbox inbox, Decisions decisions, Reviewers reviewers, ObjectMapper json) {
		this.inbox = inbox;
		this.decisions = decisions;
		this.reviewers = reviewers;
		this.json = json;
	}

	@GetMapping("/{reviewId}")
	String review(@PathVariable String reviewId, Authentication auth, Model model) {
		Reviewer reviewer = reviewers.of(auth);
		ReviewItem item = inbox.open(reviewer, reviewId);
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("review", ReviewContext.of(item, reviewer, json));
		model.addAttribute("decision", decisions.of(item.reviewId()).orElse(null));
		return "review";
	}

	@PostMapping("/{reviewId}/approve")
	String approve(@PathVariable String reviewId, @RequestParam(required = false) String parameters,
			@RequestParam(required = false) String note, Authentication auth) {
		decisions.approve(reviewers.of(auth), reviewId, parameters, note);
		return "redirect:/inbox/" + reviewId;
	}

	@PostMapping("/{reviewId}/reject")
	String reject(@PathVariable String reviewId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String note, Authentication auth) {
		decisions.reject(reviewers.of(auth), reviewId, reason, note);
		return "redirect:/inbox/" + reviewId;
	}

	@PostMapping("/{reviewId}/respond")
	String respond(@PathVariable String reviewId, @RequestParam(required = false) String note, Authentication auth) {
		decisions.respond(reviewers.of(auth), reviewId, note);
		return "redirect:/inbox/" + reviewId;
	}

	/** The diff of an edit as the reviewer types it (htmx swaps it under the editor). */
	@PostMapping("/{reviewId}/diff")
	String diff(@PathVariable String reviewId, @RequestParam(required = false) String parameters,
			Authentication auth, Model model) {
		try {
			model.addAttribute("diff", decisions.preview(reviewers.of(auth), reviewId, parameters));
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("diffError", ex.getMessage());
		}
		return "review :: diff";
	}

	@PostMapping("/bulk-approve")
	String bulkApprove(@RequestParam(name = "ids", required = false) List<String> ids, Authentication auth,
			RedirectAttributes redirect) {
		Decisions.BulkResult result = decisions.bulkApprove(reviewers.of(auth), ids);
		redirect.addFlashAttribute("bulk", result);
		return "redirect:/inbox";
	}
}
