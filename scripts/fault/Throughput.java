import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The load side of scripts/bench-throughput.sh: for {@code classify} (content.submitted → content.moderated) and the
 * bare {@code passthrough} (bench.in → bench.out) of one app instance, on one broker, one after the other:
 * <ol>
 * <li>throughput: N events (Publish's ~1 KB content.submitted CloudEvents) published as fast as the broker takes
 * them, events/s = N / (last output observed − first publish);</li>
 * <li>latency: M events at a steady rate (a fraction of the throughput just measured), end-to-end latency = the time
 * this program sees the output event on the output topic − the time it published the input (one clock).</li>
 * </ol>
 * Outputs are matched to inputs by the CloudEvent {@code causationid} (classify's output) or {@code id} (the
 * pass-through forwards the input). Prints one markdown row per phase.
 * <pre>java -cp JARS scripts/fault/Throughput.java kafka|rabbit ADDRESS RUN N M RATE_FRACTION TIMEOUT_S</pre>
 */
public class Throughput {

	record Path(String name, String input, String output) {
	}

	static final List<Path> PATHS = List.of(new Path("classify (moderateContent)", "content.submitted", "content.moderated"),
			new Path("pass-through", "bench.in", "bench.out"));

	interface Broker extends AutoCloseable {
		void publish(String topic, String run, int i) throws Exception;

		void flush() throws Exception;

		/** starts observing {@code topic} from its current end, putting first-seen times of ids under prefix */
		void observe(String topic, String prefix, Map<String, Long> seen) throws Exception;

		void stopObserving() throws Exception;
	}

	public static void main(String[] args) throws Exception {
		String binder = args[0];
		String address = args[1];
		String run = args[2];
		int n = Integer.parseInt(args[3]);
		int m = Integer.parseInt(args[4]);
		double fraction = Double.parseDouble(args[5]);
		long timeout = Long.parseLong(args[6]) * 1_000_000_000L;
		try (Broker broker = binder.equals("kafka") ? new Kafka(address) : new Rabbit(address)) {
			// warm-up (JIT, connection pools, first-time topic metadata): a tenth of N through each path, not reported
			for (int p = 0; p < PATHS.size(); p++) {
				burst(broker, PATHS.get(p), run + "-w" + p, Math.max(1, n / 10), timeout);
			}
			double[] throughput = new double[PATHS.size()];
			for (int p = 0; p < PATHS.size(); p++) {
				Path path = PATHS.get(p);
				long start = System.nanoTime();
				Map<String, Long> seen = burst(broker, path, run + "-t" + p, n, timeout);
				double publishSeconds = (published - start) / 1e9;
				long last = seen.values().stream().mapToLong(Long::longValue).max().orElse(start);
				throughput[p] = seen.size() / ((last - start) / 1e9);
				System.out.printf("| %s | throughput: %d events published at once | %d/%d | %.0f events/s | "
						+ "(publish %.1f s, %.0f/s) | | |%n", path.name(), n, seen.size(), n, throughput[p], publishSeconds,
						n / publishSeconds);
			}
			for (int p = 0; p < PATHS.size(); p++) {
				Path path = PATHS.get(p);
				double rate = Math.max(1, throughput[p] * fraction);
				String prefix = run + "-l" + p;
				Map<String, Long> seen = new ConcurrentHashMap<>();
				long[] sent = new long[m];
				broker.observe(path.output(), prefix, seen);
				long start = System.nanoTime();
				long interval = (long) (1e9 / rate);
				for (int i = 0; i < m; i++) {
					long slot = start + i * interval;
					long wait = slot - System.nanoTime();
					if (wait > 0) {
						LockSupport.parkNanos(wait);
					}
					sent[i] = System.nanoTime();
					broker.publish(path.input(), prefix, i);
					if (i % 50 == 49) {
						broker.flush();
					}
				}
				broker.flush();
				await(seen, m, System.nanoTime() + timeout);
				broker.stopObserving();
				List<Double> latencies = new ArrayList<>();
				for (int i = 0; i < m; i++) {
					Long at = seen.get(prefix + "-" + i);
					if (at != null) {
						latencies.add((at - sent[i]) / 1e6);
					}
				}
				Collections.sort(latencies);
				System.out.printf("| %s | latency: %d events at %.0f/s (%.0f%% of its throughput) | %d/%d | | "
						+ "p50 %.0f ms | p99 %.0f ms | max %.0f ms |%n", path.name(), m, rate, fraction * 100,
						latencies.size(), m, pct(latencies, 50), pct(latencies, 99), pct(latencies, 100));
			}
		}
	}

	/** when the last burst was published (flushed/confirmed) */
	static long published;

	/** N events published at once to the path's input; the first-seen times of their outputs */
	static Map<String, Long> burst(Broker broker, Path path, String prefix, int n, long timeout) throws Exception {
		Map<String, Long> seen = new ConcurrentHashMap<>();
		broker.observe(path.output(), prefix, seen);
		long start = System.nanoTime();
		for (int i = 0; i < n; i++) {
			broker.publish(path.input(), prefix, i);
			if (i % 500 == 499) {
				broker.flush();
			}
		}
		broker.flush();
		published = System.nanoTime();
		await(seen, n, start + timeout);
		broker.stopObserving();
		return seen;
	}

	static double pct(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static void await(Map<String, Long> seen, int count, long deadline) throws InterruptedException {
		while (seen.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/** the input id an output event answers: its causationid (classify) or its own id (pass-through) */
	static void seen(String causation, String id, String prefix, Map<String, Long> seen) {
		String input = causation != null ? causation : id;
		if (input != null && input.startsWith(prefix + "-")) {
			seen.putIfAbsent(input, System.nanoTime());
		}
	}

	static final class Kafka implements Broker {

		private final KafkaProducer<byte[], byte[]> producer;

		private final String brokers;

		private volatile boolean observing;

		private Thread observer;

		Kafka(String brokers) {
			this.brokers = brokers;
			this.producer = Publish.kafkaProducer(brokers);
		}

		public void publish(String topic, String run, int i) {
			producer.send(Publish.kafkaRecord(topic, run, i));
		}

		public void flush() {
			producer.flush();
		}

		public void observe(String topic, String prefix, Map<String, Long> seen) throws Exception {
			Properties props = new Properties();
			props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
			props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
			props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
			props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
			props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
			KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30))
				.stream()
				.map(info -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position); // the end, now, before anything is published
			observing = true;
			observer = new Thread(() -> {
				try (consumer) {
					while (observing) {
						for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
							seen(header(record, "ce_causationid"), header(record, "ce_id"), prefix, seen);
						}
					}
				}
			});
			observer.start();
		}

		static String header(ConsumerRecord<byte[], byte[]> record, String name) {
			Header header = record.headers().lastHeader(name);
			return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
		}

		public void stopObserving() throws InterruptedException {
			observing = false;
			observer.join();
		}

		public void close() {
			producer.close();
		}
	}

	static final class Rabbit implements Broker {

		private final Connection connection;

		private final Channel publishing;

		private Channel observing;

		private final java.util.concurrent.atomic.AtomicBoolean warned = new java.util.concurrent.atomic.AtomicBoolean();

		Rabbit(String address) throws Exception {
			this.connection = Publish.rabbitConnection(address, "daca-bench");
			this.publishing = connection.createChannel();
			publishing.confirmSelect();
		}

		public void publish(String exchange, String run, int i) throws Exception {
			Publish.rabbitPublish(publishing, exchange, run, i);
		}

		public void flush() throws Exception {
			publishing.waitForConfirmsOrDie(60_000);
		}

		public void observe(String exchange, String prefix, Map<String, Long> seen) throws Exception {
			observing = connection.createChannel();
			String queue = observing.queueDeclare("", false, true, true, null).getQueue();
			observing.queueBind(queue, exchange, "#");
			observing.basicConsume(queue, true, (tag, delivery) -> {
				Map<String, Object> headers = delivery.getProperties().getHeaders();
				if (attribute(headers, "id") == null && warned.compareAndSet(false, true)) {
					System.err.println("an output without a CloudEvent id; headers: " + headers.keySet());
				}
				seen(attribute(headers, "causationid"), attribute(headers, "id"), prefix, seen);
			}, tag -> {
			});
		}

		/** a CloudEvent attribute under any of the prefixes Spring Cloud Function writes (cloudEvents:, ce-, ce_) */
		static String attribute(Map<String, Object> headers, String name) {
			for (String prefix : List.of("cloudEvents:", "ce-", "ce_", "cloudEvents_")) {
				Object value = headers.get(prefix + name);
				if (value != null) {
					return value.toString();
				}
			}
			return null;
		}

		public void stopObserving() throws Exception {
			observing.close();
		}

		public void close() throws Exception {
			connection.close();
		}
	}
}
