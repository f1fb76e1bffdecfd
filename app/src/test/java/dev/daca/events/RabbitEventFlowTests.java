package dev.daca.events;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pipeline scenario on the real servers of {@code scripts/infra.sh up rabbitmq postgres}: the {@code rabbit} and
 * {@code postgres} profiles as shipped (schema {@code daca_it}, see {@code application-external.yml}).
 */
@Tag("external")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "rabbit", "postgres", "external" })
class RabbitEventFlowTests extends EventFlowScenario {

	@BeforeAll
	static void serversAreUp() {
		ExternalServers.requireRabbit();
		ExternalServers.requirePostgres();
	}

	@Override
	TestBroker connect() {
		return new RabbitTestBroker(ExternalServers.RABBIT_HOST, ExternalServers.RABBIT_PORT,
				ExternalServers.RABBIT_USER, ExternalServers.RABBIT_PASSWORD, ExternalServers.RABBIT_VHOST);
	}
}
