package dev.daca;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daca.bindings.ledger.ProcessedEvents;
import dev.daca.hitl.inbox.ReviewInbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events through the real in-process Kafka broker (KRaft) of the embedded default: CloudEvents in, outcome events
 * out, review requests for what a person must see, each event decided once, and poison messages dead-lettered while
 * the consumer keeps going.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EventFlowTests {

	@Value("${daca.kafka.embedded.bootstrap-servers}")
	String brokers;

	@Autowired
	ObjectMapper json;

	@Autowired
	ReviewInbox inbox;

	@Autowired
	ProcessedEvents processed;

	@Autowired
	TestRestTemplate http;

	KafkaProducer<byte[], byte[]> producer;

	@BeforeEach
	void producer() {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		producer = new KafkaProducer<>(props);
	}

	@AfterEach
	void close() {
		producer.close();
	}

	@Test
	void aSubmittedPostIsModeratedOnTheOutputTopicOnceEvenWhenDeliveredTwice() throws Exception {
		String postId = "post-" + UUID.randomUUID();
		String eventId = UUID.randomUUID().toString();
		byte[] data = json.writeValueAsBytes(Map.of("postId", postId, "text", "Great match last night, what a goal!"));
		publish("content.submitted", eventId, "dev.daca.content.submitted", postId, data);
		publish("content.submitted", eventId, "dev.daca.content.submitted", postId, data);

		List<ConsumerRecord<byte[], byte[]>> outcomes = readUntil("content.moderated", postId, 2);
		assertThat(outcomes).hasSize(2);
		ConsumerRecord<byte[], byte[]> first = outcomes.get(0);
		assertThat(header(first, "ce_type")).isEqualTo("dev.daca.content.moderated");
		assertThat(header(first, "ce_specversion")).isEqualTo("1.0");
		assertThat(header(first, "ce_subject")).isEqualTo(postId);
		assertThat(new String(first.key(), StandardCharsets.UTF_8)).isEqualTo(postId);
		// the redelivery re-emits the same event (same id), so downstream dedupes it; the function decided once
		assertThat(header(outcomes.get(1), "ce_id")).isEqualTo(header(first, "ce_id"));
		JsonNode verdict = json.readTree(first.value());
		assertThat(verdict.path("function").asText()).isEqualTo("classify");
		assertThat(verdict.path("label").asText()).isEqualTo("safe");
		assertThat(processed.findByEventIdOrderByProcessedAt(eventId)).hasSize(1);
	}

	@Test
	void aHighImpactCommandEndsAsAReviewRequestInTheInbox() throws Exception {
		String homeId = "home-" + UUID.randomUUID();
		byte[] data = json.writeValueAsBytes(
				Map.of("signal", "command", "homeId", homeId, "text", "unlock the front door", "requestedBy", "kid"));
		publish("home.signals", UUID.randomUUID().toString(), "dev.daca.home.signalled", homeId, data);

		List<ConsumerRecord<byte[], byte[]>> requests = readUntil("review.requested", homeId, 1);
		JsonNode request = json.readTree(requests.get(0).value());
		assertThat(request.path("candidateGroup").asText()).isEqualTo("homeowners");
		assertThat(request.path("actionHash").asText()).hasSize(64);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> inbox.pending("actuate", 500).stream().anyMatch(item -> item.subjectId().equals(homeId)));
	}

	@Test
	void aLowConfidenceModerationProducesAReviewRequest() throws Exception {
		String postId = "post-" + UUID.randomUUID();
		String text = "some people just shouldn't be allowed to post";
		JsonNode direct = http.postForObject("/fn/classify", Map.of("postId", "probe", "text", text), JsonNode.class);
		assertThat(direct.path("confidence").asDouble()).as("the engine is unsure of this one: %s", direct)
			.isLessThan(0.90);

		publish("content.submitted", UUID.randomUUID().toString(), "dev.daca.content.submitted", postId,
				json.writeValueAsBytes(Map.of("postId", postId, "text", text)));
		JsonNode request = json.readTree(readUntil("review.requested", postId, 1).get(0).value());
		assertThat(request.path("function").asText()).isEqualTo("classify");
		assertThat(request.path("reasons").toString()).contains("confidence");
	}

	@Test
	void poisonMessagesAreDeadLetteredWithTheReasonAndTheConsumerKeepsGoing() throws Exception {
		String notJson = UUID.randomUUID().toString();
		publish("content.submitted", notJson, "dev.daca.content.submitted", "p-x",
				"this is not json".getBytes(StandardCharsets.UTF_8));
		String wrongType = UUID.randomUUID().toString();
		publish("content.submitted", wrongType, "com.example.something.else", "p-y",
				json.writeValueAsBytes(Map.of("postId", "p-y", "text", "hello")));
		String wrongSchema = UUID.randomUUID().toString();
		publish("content.submitted", wrongSchema, "dev.daca.content.submitted", "p-z",
				json.writeValueAsBytes(Map.of("postId", "p-z", "txt", 42)));
		String postId = "post-" + UUID.randomUUID();
		publish("content.submitted", UUID.randomUUID().toString(), "dev.daca.content.submitted", postId,
				json.writeValueAsBytes(Map.of("postId", postId, "text", "Still here after the poison")));

		assertThat(readUntil("content.moderated", postId, 1)).hasSize(1);
		List<ConsumerRecord<byte[], byte[]>> dead = readAll("error.content.submitted.daca", 3, Duration.ofSeconds(60));
		List<String> deadIds = dead.stream().map(r -> header(r, "ce_id")).toList();
		assertThat(deadIds).contains(notJson, wrongType, wrongSchema);
		ConsumerRecord<byte[], byte[]> wrong = dead.stream()
			.filter(r -> wrongType.equals(header(r, "ce_id")))
			.findFirst()
			.orElseThrow();
		assertThat(header(wrong, "x-exception-message")).contains("com.example.something.else");
		// the original event is what the DLQ carries
		assertThat(json.readTree(wrong.value()).path("postId").asText()).isEqualTo("p-y");
	}

	private void publish(String topic, String id, String type, String subject, byte[] data) throws Exception {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, subject.getBytes(StandardCharsets.UTF_8),
				data);
		record.headers()
			.add("ce_id", bytes(id))
			.add("ce_specversion", bytes("1.0"))
			.add("ce_type", bytes(type))
			.add("ce_source", bytes("/tests"))
			.add("ce_subject", bytes(subject))
			.add("content-type", bytes("application/json"));
		producer.send(record).get();
	}

	private List<ConsumerRecord<byte[], byte[]>> readUntil(String topic, String subject, int count) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (found.size() < count && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (subject.equals(header(record, "ce_subject"))) {
						found.add(record);
					}
				}
			}
			// a little longer, to see duplicates that should not be there
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(2))) {
				if (subject.equals(header(record, "ce_subject"))) {
					found.add(record);
				}
			}
		}
		assertThat(found).as("events about %s on %s", subject, topic).hasSizeGreaterThanOrEqualTo(count);
		return found;
	}

	private List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int atLeast, Duration timeout) {
		List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + timeout.toNanos();
			while (found.size() < atLeast && System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(found::add);
			}
		}
		return found;
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return new KafkaConsumer<>(props);
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
