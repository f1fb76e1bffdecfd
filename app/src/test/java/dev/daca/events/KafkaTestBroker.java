package dev.daca.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The scenario's broker on Kafka, with the plain Kafka client: CloudEvents in Kafka binary mode ({@code ce_}
 * headers, the subject as the record key), dead letters on {@code error.<topic>.<group>}, parked letters on
 * {@code parkinglot.<topic>.<group>}. Topics are read from their start by a fresh consumer group, filtered.
 */
final class KafkaTestBroker implements TestBroker {

	private static final String PREFIX = "ce_";

	private final String brokers;

	private final KafkaProducer<byte[], byte[]> producer;

	KafkaTestBroker(String brokers) {
		this.brokers = brokers;
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		this.producer = new KafkaProducer<>(props);
	}

	@Override
	public void publish(String topic, Event event) {
		send(topic, event, Map.of());
	}

	@Override
	public void deadLetter(String topic, String group, Event event, String reason) {
		send("error." + topic + "." + group, event, Map.of("x-exception-message", reason, "x-original-topic", topic));
	}

	private void send(String topic, Event event, Map<String, String> extra) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(event.subject()), event.data());
		record.headers()
			.add(PREFIX + "id", bytes(event.id()))
			.add(PREFIX + "specversion", bytes("1.0"))
			.add(PREFIX + "type", bytes(event.type()))
			.add(PREFIX + "source", bytes("/tests"))
			.add(PREFIX + "subject", bytes(event.subject()))
			.add("content-type", bytes("application/json"));
		extra.forEach((name, value) -> record.headers().add(name, bytes(value)));
		try {
			producer.send(record).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new AssertionError("Kafka at " + brokers + " did not take the event: " + ex, ex);
		}
	}

	@Override
	public Tap tap(String topic) {
		KafkaConsumer<byte[], byte[]> consumer = consumer();
		consumer.subscribe(List.of(topic));
		return new Tap() {
			@Override
			protected List<Received> poll() {
				List<Received> polled = new ArrayList<>();
				consumer.poll(Duration.ofMillis(500)).forEach(r -> polled.add(received(r)));
				return polled;
			}

			@Override
			public void close() {
				consumer.close();
			}
		};
	}

	@Override
	public List<Received> deadLetters(String topic, String group, Set<String> ids, Duration timeout) {
		return readTopic("error." + topic + "." + group, ids, timeout);
	}

	@Override
	public List<Received> parked(String topic, String group, Set<String> ids, Duration timeout) {
		return readTopic("parkinglot." + topic + "." + group, ids, timeout);
	}

	private List<Received> readTopic(String topic, Set<String> ids, Duration timeout) {
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			consumer.subscribe(List.of(topic));
			return read(consumer, ids, timeout);
		}
	}

	private static List<Received> read(KafkaConsumer<byte[], byte[]> consumer, Set<String> ids, Duration timeout) {
		List<Received> found = new ArrayList<>();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (found.size() < ids.size() && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
				Received received = received(record);
				if (ids.contains(received.id())) {
					found.add(received);
				}
			}
		}
		return found;
	}

	private static Received received(ConsumerRecord<byte[], byte[]> record) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		for (Header header : record.headers()) {
			String value = header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
			headers.put(header.key(), value);
			if (header.key().startsWith(PREFIX)) {
				attributes.put(header.key().substring(PREFIX.length()), value);
			}
		}
		String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
		return new Received(attributes, key, record.value(), headers);
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

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		producer.close(Duration.ofSeconds(5));
	}
}
