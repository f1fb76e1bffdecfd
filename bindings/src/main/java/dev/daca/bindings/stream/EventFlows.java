package dev.daca.bindings.stream;

import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.daca.bindings.shopper.LatestRecommendations;
import dev.daca.bindings.shopper.RecentShopperEvents;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.moderation.ModerationVerdict;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.review.Outcome;
import dev.daca.functions.review.RequestReview;
import dev.daca.functions.review.ReviewRequest;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.functions.triage.TriageAssessment;
import dev.daca.hitl.inbox.ReviewInbox;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import static dev.daca.bindings.stream.EventTypes.CONTENT_MODERATED;
import static dev.daca.bindings.stream.EventTypes.CONTENT_SUBMITTED;
import static dev.daca.bindings.stream.EventTypes.HOME_PLANNED;
import static dev.daca.bindings.stream.EventTypes.HOME_SIGNALLED;
import static dev.daca.bindings.stream.EventTypes.RECOMMENDATIONS_MADE;
import static dev.daca.bindings.stream.EventTypes.REVIEW_REQUESTED;
import static dev.daca.bindings.stream.EventTypes.SHOPPER_ACTIVITY;
import static dev.daca.bindings.stream.EventTypes.SYMPTOMS_REPORTED;
import static dev.daca.bindings.stream.EventTypes.TRIAGE_ASSESSED;

/**
 * The topic paths, in the order an event travels them. Each is the domain function put on a topic by
 * {@link EventProcessing}; destinations and groups are in {@code application.yml} under the binding names
 * ({@code moderateContent-in-0} ...).
 * <pre>
 * content.submitted  -> moderateContent   (classify)       -> content.moderated    -.
 * symptoms.reported  -> triageSymptoms    (diagnose)       -> triage.assessed       |-> routeForReview (request-review)
 * shopper.activity   -> recommendProducts (recommend)      -> recommendations.made  |     -> review.requested
 * home.signals       -> planHome          (actuate)        -> home.planned         -'        -> fileReview (inbox)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
class EventFlows {

	@Bean
	Function<Message<Post>, Message<byte[]>> moderateContent(
			@Qualifier("classify") Function<Post, ModerationVerdict> classify, EventProcessing events) {
		return events.process("moderateContent", Set.of(CONTENT_SUBMITTED), classify, v -> CONTENT_MODERATED,
				Outcome::subjectId);
	}

	@Bean
	Function<Message<SymptomReport>, Message<byte[]>> triageSymptoms(
			@Qualifier("diagnose") Function<SymptomReport, TriageAssessment> diagnose, EventProcessing events) {
		return events.process("triageSymptoms", Set.of(SYMPTOMS_REPORTED), diagnose, a -> TRIAGE_ASSESSED,
				Outcome::subjectId);
	}

	@Bean
	Function<Message<ShopperActivity>, Message<byte[]>> recommendProducts(
			@Qualifier("recommend") Function<ShopperActivity, Recommendations> recommend, RecentShopperEvents recent,
			LatestRecommendations latest, EventProcessing events) {
		// the shopper's recent events (Redis in the redis profile) join the message's, and the result is kept as the
		// shopper's latest (GET /api/shoppers/{userId}/recommendations); decided once per event id
		return events.process("recommendProducts", Set.of(SHOPPER_ACTIVITY),
				recommend.compose(recent::remember).andThen(latest::keep), r -> RECOMMENDATIONS_MADE,
				Outcome::subjectId);
	}

	@Bean
	Function<Message<HomeSignal>, Message<byte[]>> planHome(
			@Qualifier("actuate") Function<HomeSignal, HomePlan> actuate, EventProcessing events) {
		return events.process("planHome", Set.of(HOME_SIGNALLED), actuate, p -> HOME_PLANNED, Outcome::subjectId);
	}

	@Bean
	Function<Message<Outcome>, Message<byte[]>> routeForReview(@Qualifier("request-review") RequestReview requestReview,
			EventProcessing events) {
		return events.process("routeForReview",
				Set.of(CONTENT_MODERATED, TRIAGE_ASSESSED, RECOMMENDATIONS_MADE, HOME_PLANNED),
				outcome -> requestReview.apply(outcome) instanceof ReviewRequest request ? request : null,
				request -> REVIEW_REQUESTED, ReviewRequest::subjectId);
	}

	@Bean
	Consumer<Message<ReviewRequest>> fileReview(ReviewInbox inbox, EventProcessing events) {
		return events.consume("fileReview", Set.of(REVIEW_REQUESTED), inbox::file);
	}
}
