package dev.daca.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pipeline scenario on the real servers of {@code scripts/infra.sh up kafka postgres}: the {@code kafka} and
 * {@code postgres} profiles as shipped (schema {@code daca_it}, see {@code application-external.yml}).
 */
@Tag("external")
/* its consumers leave the shared broker group when its class is done, so the next external suite gets every
 * partition */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "kafka", "postgres", "external" })
class KafkaEventFlowTests extends EventFlowScenario {

	@BeforeAll
	static void serversAreUp() {
		ExternalServers.requireKafka();
		ExternalServers.requirePostgres();
	}

	@Override
	TestBroker connect() {
		return new KafkaTestBroker(ExternalServers.KAFKA_BROKERS);
	}
}
