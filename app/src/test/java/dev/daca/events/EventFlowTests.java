package dev.daca.events;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The pipeline scenario on the embedded default: the in-process Kafka broker (KRaft) and H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventFlowTests extends EventFlowScenario {

	@Value("${daca.kafka.embedded.bootstrap-servers}")
	String brokers;

	@Override
	TestBroker connect() {
		return new KafkaTestBroker(brokers);
	}
}
