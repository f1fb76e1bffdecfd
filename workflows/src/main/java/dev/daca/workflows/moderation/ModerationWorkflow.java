package dev.daca.workflows.moderation;

import java.util.Map;

import io.dapr.workflows.Workflow;
import io.dapr.workflows.WorkflowStub;

import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.review.NoReview;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.review.ReviewRouting;
import dev.daca.workflows.History;
import dev.daca.workflows.OnDaprWorkflows;
import dev.daca.workflows.ProcessOutcome;
import dev.daca.workflows.PublishOutcomeActivity;
import dev.daca.workflows.WorkflowResult;
import dev.daca.workflows.review.HumanReview;
import dev.daca.workflows.review.RequestReviewActivity;

import org.springframework.stereotype.Component;

/**
 * Moderation: classify the post; when the review policy says so, a moderator decides (deadline from the policy,
 * one escalation, then the policy's default); publish what takes effect on {@code moderation.decided}.
 * A reviewer who rejects the proposed action overrules it: a post proposed for hiding or removal stays up, a post
 * proposed to stay up is hidden.
 */
@Component
@OnDaprWorkflows
public class ModerationWorkflow implements Workflow {

	public static final String PROCESS = "moderation";

	@Override
	public WorkflowStub create() {
		return ctx -> {
			Post post = ctx.getInput(Post.class);
			History history = new History(ctx);
			ModerationVerdict verdict = ctx.callActivity(ClassifyActivity.class.getName(), post,
					ModerationVerdict.class).await();
			history.record("classified", verdict.summary());
			ReviewRouting routing = ctx.callActivity(RequestReviewActivity.class.getName(), verdict,
					ReviewRouting.class).await();
			String proposed = verdict.proposedAction().kind();
			String action;
			String decidedBy;
			if (routing instanceof ReviewRequest request) {
				HumanReview.Resolution review = HumanReview.await(ctx, request, history);
				action = !review.decided() ? review.defaultAction()
						: review.decision().approved() ? proposed : overruled(proposed);
				decidedBy = review.decidedBy();
			}
			else {
				history.record("no-review", ((NoReview) routing).reason());
				action = proposed;
				decidedBy = "agent";
			}
			ProcessOutcome outcome = new ProcessOutcome(ctx.getInstanceId(), PROCESS, post.postId(), action,
					decidedBy, Map.of("label", verdict.label().json(), "severity", verdict.severity().json()));
			String topic = ctx.callActivity(PublishOutcomeActivity.class.getName(), outcome, String.class).await();
			history.record("published", action + " (" + decidedBy + ") on " + topic);
			ctx.complete(new WorkflowResult(PROCESS, post.postId(), action, decidedBy, history.steps()));
		};
	}

	private static String overruled(String proposed) {
		return proposed.equals("allow-post") ? "hide-post" : "allow-post";
	}
}
