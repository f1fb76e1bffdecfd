package dev.daca.bindings.review;

import java.util.function.Function;

import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.hitl.inbox.ReviewInbox;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The review gate for callers outside the event flow (MCP, A2A): an outcome passes the same {@code request-review}
 * function as on the topics, and one the policy sends to a person is filed in the inbox here and now (filing the
 * same request twice keeps one). Nothing is executed here.
 */
@Component
public class ReviewGate {

	/**
	 * @param outcome what the function concluded
	 * @param approvalRequired whether the review policy sent it to a person (then it waits in the inbox)
	 * @param review the gate's answer: a review request with its id, or automatic
	 */
	public record Reviewed<O extends Outcome>(O outcome, boolean approvalRequired, ReviewRouting review) {
	}

	private final Function<Outcome, ReviewRouting> requestReview;

	private final ReviewInbox inbox;

	ReviewGate(@Qualifier("request-review") Function<Outcome, ReviewRouting> requestReview, ReviewInbox inbox) {
		this.requestReview = requestReview;
		this.inbox = inbox;
	}

	public <O extends Outcome> Reviewed<O> pass(O outcome) {
		ReviewRouting routing = requestReview.apply(outcome);
		if (routing instanceof ReviewRequest request) {
			inbox.file(request);
			return new Reviewed<>(outcome, true, routing);
		}
		return new Reviewed<>(outcome, false, routing);
	}
}
