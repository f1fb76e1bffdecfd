package dev.daca.bindings.mcp;

import java.util.function.Function;

import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.hitl.inbox.ReviewInbox;

/**
 * {@code actuate} for callers outside the event flow (MCP, A2A): the plan passes the same review gate as on the
 * topics, and a plan the policy sends to a person is filed in the inbox here and now. Nothing is ever executed: the
 * result is the plan and, when a person must approve, the review request that holds it.
 */
final class ReviewedActuation {

	/**
	 * @param plan what the home would do
	 * @param executed always false: no transport executes device actions; an approved review does
	 * @param approvalRequired whether the review policy sent the plan to a person
	 * @param review the review gate's answer (a review request with its id, or automatic)
	 */
	record Actuation(HomePlan plan, boolean executed, boolean approvalRequired, ReviewRouting review) {
	}

	private final Function<HomeSignal, HomePlan> actuate;

	private final Function<Outcome, ReviewRouting> requestReview;

	private final ReviewInbox inbox;

	ReviewedActuation(Function<HomeSignal, HomePlan> actuate, Function<Outcome, ReviewRouting> requestReview,
			ReviewInbox inbox) {
		this.actuate = actuate;
		this.requestReview = requestReview;
		this.inbox = inbox;
	}

	Actuation plan(HomeSignal signal) {
		HomePlan plan = actuate.apply(signal);
		ReviewRouting routing = requestReview.apply(plan);
		if (routing instanceof ReviewRequest request) {
			inbox.file(request);
			return new Actuation(plan, false, true, routing);
		}
		return new Actuation(plan, false, false, routing);
	}
}
