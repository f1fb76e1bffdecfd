package dev.daca.workflows;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import io.dapr.workflows.Workflow;

import dev.daca.bindings.stream.EventProcessing;
import dev.daca.bindings.stream.EventTypes;
import dev.daca.bindings.stream.UnexpectedEvent;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.triage.SymptomReport;
import dev.daca.workflows.home.SmartHomeWorkflow;
import dev.daca.workflows.moderation.ModerationWorkflow;
import dev.daca.workflows.recommendation.RecommendationWorkflow;
import dev.daca.workflows.triage.DiagnosisWorkflow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Workflows started from topic events: in the {@code dapr} profile these consumers are bound to the inbound topics
 * instead of the choreography's first functions ({@code spring.cloud.function.definition} in
 * {@code application-dapr.yml}: {@code startModeration} takes {@code content.submitted} where
 * {@code moderateContent} did, and so on). Same broker, same group, same dead-letter topic; no Dapr pub/sub route.
 * The instance id is derived from the CloudEvent's type and id, so a redelivered event finds its workflow and starts
 * nothing ({@link WorkflowStarter}).
 */
@Configuration(proxyBeanMethods = false)
@OnDaprWorkflows
class TopicStarts {

	/** The workflow instance an event starts: {@code <process>-<name-based UUID of type|id>}. */
	static String instanceIdFor(String process, String eventType, String eventId) {
		return process + "-" + UUID.nameUUIDFromBytes((eventType + "|" + eventId).getBytes(StandardCharsets.UTF_8));
	}

	@Bean
	Consumer<Message<Post>> startModeration(WorkflowStarter starter, EventProcessing events) {
		return starting(starter, events, ModerationWorkflow.class, ModerationWorkflow.PROCESS,
				EventTypes.CONTENT_SUBMITTED, Post.class);
	}

	@Bean
	Consumer<Message<SymptomReport>> startDiagnosis(WorkflowStarter starter, EventProcessing events) {
		return starting(starter, events, DiagnosisWorkflow.class, DiagnosisWorkflow.PROCESS,
				EventTypes.SYMPTOMS_REPORTED, SymptomReport.class);
	}

	@Bean
	Consumer<Message<ShopperActivity>> startRecommendation(WorkflowStarter starter, EventProcessing events) {
		return starting(starter, events, RecommendationWorkflow.class, RecommendationWorkflow.PROCESS,
				EventTypes.SHOPPER_ACTIVITY, ShopperActivity.class);
	}

	@Bean
	Consumer<Message<HomeSignal>> startHome(WorkflowStarter starter, EventProcessing events) {
		return starting(starter, events, SmartHomeWorkflow.class, SmartHomeWorkflow.PROCESS,
				EventTypes.HOME_SIGNALLED, HomeSignal.class);
	}

	private static <I> Consumer<Message<I>> starting(WorkflowStarter starter, EventProcessing events,
			Class<? extends Workflow> workflow, String process, String acceptedType, Class<I> inputType) {
		String consumer = "start-" + process;
		return message -> {
			String eventId = events.requireEvent(consumer, Set.of(acceptedType), message);
			Object payload = message.getPayload();
			if (!inputType.isInstance(payload)) {
				// the runtime hands over what it could not convert as it is: not the JSON this topic carries
				throw new UnexpectedEvent(consumer + ": the data of event " + eventId + " is not a valid "
						+ acceptedType + " document");
			}
			starter.start(workflow, process, payload, instanceIdFor(process, acceptedType, eventId), "topic");
		};
	}
}
