package dev.daca.bindings.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Kafka: the binder dead-letters to the topic {@code error.<destination>.<group>}; the parking lot is
 * {@code parkinglot.<destination>.<group>}. A replay reads the dead letters from where the last replay stopped (the
 * committed offsets of the consumer group {@code daca-dead-letter-replay}) up to the end offsets it found when it
 * started, re-publishes each one (idempotent producer, acks=all, key and headers kept) and commits.
 */
@Component
class KafkaDeadLetters implements DeadLetters {

	private static final String REPLAY_GROUP = "daca-dead-letter-replay";

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	private final Environment env;

	KafkaDeadLetters(Environment env) {
		this.env = env;
	}

	@Override
	public String binder() {
		return "kafka";
	}

	@Override
	public Replayed replay(String destination, String group, int maxReplays) {
		String deadLetters = "error." + destination + "." + group;
		String parkingLot = "parkinglot." + destination + "." + group;
		int replayed = 0;
		int parked = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
			List<TopicPartition> partitions = consumer.partitionsFor(deadLetters, DEADLINE)
				.stream()
				.map(p -> new TopicPartition(p.topic(), p.partition()))
				.toList();
			if (partitions.isEmpty()) {
				return new Replayed(destination, group, deadLetters, parkingLot, 0, 0);
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			while (partitions.stream().anyMatch(p -> consumer.position(p, DEADLINE) < end.get(p))) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("replay of " + deadLetters + " did not reach the end offsets "
							+ end + " within " + DEADLINE);
				}
				for (ConsumerRecord<byte[], byte[]> letter : consumer.poll(Duration.ofMillis(500))) {
					if (letter.offset() >= end.get(new TopicPartition(letter.topic(), letter.partition()))) {
						continue; // arrived after the replay started: the next replay takes it
					}
					int replays = DeadLetters.replaysOf(lastHeader(letter, REPLAYS));
					boolean park = replays >= maxReplays;
					ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(park ? parkingLot : destination,
							letter.key(), letter.value());
					for (Header header : letter.headers()) {
						if (!header.key().equals(REPLAYS) && (park || !DeadLetters.describesFailure(header.key()))) {
							record.headers().add(header);
						}
					}
					record.headers()
						.add(REPLAYS, Integer.toString(park ? replays : replays + 1).getBytes(StandardCharsets.UTF_8));
					producer.send(record).get();
					if (park) {
						parked++;
					}
					else {
						replayed++;
					}
				}
			}
			consumer.commitSync(DEADLINE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("replay of " + deadLetters + " interrupted", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("replay of " + deadLetters + ": the broker refused a record: "
					+ ex.getCause().getMessage(), ex.getCause());
		}
		return new Replayed(destination, group, deadLetters, parkingLot, replayed, parked);
	}

	private static Object lastHeader(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : header.value();
	}

	private String brokers() {
		return env.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers");
	}

	private Properties consumerProperties() {
		Properties props = new Properties();
		props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
		props.put(ConsumerConfig.GROUP_ID_CONFIG, REPLAY_GROUP);
		props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
		props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		return props;
	}

	private Properties producerProperties() {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
		props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return props;
	}
}
