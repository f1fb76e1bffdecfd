package dev.daca.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import dev.daca.events.TestBroker.Event;
import dev.daca.events.TestBroker.Received;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline scenario on the real servers of {@code scripts/infra.sh up rabbitmq postgres}: the {@code rabbit} and
 * {@code postgres} profiles as shipped (schema {@code daca_it}, see {@code application-external.yml}).
 */
@Tag("external")
/* its consumers leave the shared broker group when its class is done, so the next external suite gets every
 * partition */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "rabbit", "postgres", "external" })
class RabbitEventFlowTests extends EventFlowScenario {

	@BeforeAll
	static void serversAreUp() {
		ExternalServers.requireRabbit();
		ExternalServers.requirePostgres();
	}

	/** Publisher confirms: an output the broker nacks fails the input (retried, then dead-lettered), never lost. */
	@Test
	void anOutputTheBrokerRefusesFailsItsInputInsteadOfBeingLost() throws Exception {
		String postId = "post-" + UUID.randomUUID();
		((RabbitTestBroker) broker).refuse("content.moderated", postId);
		Event submitted = new Event(UUID.randomUUID().toString(), "dev.daca.content.submitted", postId,
				json.writeValueAsBytes(Map.of("postId", postId, "text", "A post whose verdict the broker refuses")));
		broker.publish("content.submitted", submitted);

		Received dead = broker.deadLetters("content.submitted", "daca", Set.of(submitted.id()), WAIT).get(0);
		assertThat(dead.header("x-exception-message")).as("%s", dead.headers()).contains("Negative publisher confirm");
		// the decision itself was recorded: a replay re-emits it instead of deciding again
		assertThat(processed.findByEventIdOrderByProcessedAt(submitted.id())).hasSize(1);
	}

	@Override
	TestBroker connect() {
		return new RabbitTestBroker(ExternalServers.RABBIT_HOST, ExternalServers.RABBIT_PORT,
				ExternalServers.RABBIT_USER, ExternalServers.RABBIT_PASSWORD, ExternalServers.RABBIT_VHOST);
	}
}
