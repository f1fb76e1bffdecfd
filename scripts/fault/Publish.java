import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes N CloudEvents (binary mode) for scripts/fault-test.sh, with the broker's own client. KIND {@code content}
 * (default): content.submitted, ids {@code <run>-<i>}, 500 distinct posts as subjects (so entities repeat and
 * ordering matters), ~1 KB of text. KIND {@code shopper}: shopper.activity (recommendProducts, whose memory is Redis
 * in the redis profile), ids {@code <run>-s-<i>}, {@value #SHOPPERS} shoppers as subjects, one event each (a catalog
 * product viewed, carted or bought at a time unique to the event, so a shopper's list in Redis holds each event once).
 * <pre>java -cp JARS scripts/fault/Publish.java kafka 127.0.0.1:19092 RUN N [KIND]
 * java -cp JARS scripts/fault/Publish.java rabbit 127.0.0.1:15673:daca:daca RUN N [KIND]</pre>
 */
public class Publish {

	private static final String[] TEXTS = { "Great match last night, what a goal! ",
			"Lovely sunset at the beach tonight, thanks for the photo tips! ",
			"Our bakery opens a second shop next week, come and say hello. ",
			"Does anyone know a good book about the history of trains? " };

	static final int SHOPPERS = 400;

	private static final String[] KINDS = { "viewed", "viewed", "carted", "bought" };

	/** Products of the shipped catalog (functions/src/main/resources/recommendation/catalog.psv). */
	private static final String[] PRODUCTS = { "C01", "C02", "C03", "C04", "C05", "C06", "K01", "K02", "K03", "K04",
			"K05", "K06", "O01", "O02", "O03", "H01", "H02", "H03", "E01", "E02" };

	private static boolean shopper;

	public static void main(String[] args) throws Exception {
		String binder = args[0];
		String address = args[1];
		String run = args[2];
		int n = Integer.parseInt(args[3]);
		shopper = args.length > 4 && args[4].equals("shopper");
		if (binder.equals("kafka")) {
			kafka(address, run, n);
		}
		else {
			rabbit(address, run, n);
		}
		System.out.println("published " + n);
	}

	static String subject(int i) {
		return shopper ? "shopper-" + (i % SHOPPERS) : "post-" + (i % 500);
	}

	static String topic() {
		return shopper ? "shopper.activity" : "content.submitted";
	}

	static byte[] data(String run, int i) {
		if (shopper) {
			String at = java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i).toString();
			return ("{\"userId\":\"" + subject(i) + "\",\"events\":[{\"productId\":\"" + PRODUCTS[i * 7 % PRODUCTS.length]
					+ "\",\"kind\":\"" + KINDS[i % KINDS.length] + "\",\"at\":\"" + at + "\"}]}")
				.getBytes(StandardCharsets.UTF_8);
		}
		String text = TEXTS[i % TEXTS.length].repeat(40).substring(0, 900);
		return ("{\"postId\":\"" + subject(i) + "\",\"authorId\":\"" + run + "\",\"text\":\"" + text + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	static void kafka(String brokers, String run, int n) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = kafkaProducer(brokers)) {
			for (int i = 0; i < n; i++) {
				producer.send(kafkaRecord(topic(), run, i));
			}
			producer.flush();
		}
	}

	/** An idempotent producer that waits for all in-sync replicas, as the app's. */
	static KafkaProducer<byte[], byte[]> kafkaProducer(String brokers) {
		Properties props = new Properties();
		props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
		props.put(ProducerConfig.ACKS_CONFIG, "all");
		props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		return new KafkaProducer<>(props);
	}

	/** Event {@code i} of {@code run} as a binary-mode CloudEvent record keyed by its subject. */
	static ProducerRecord<byte[], byte[]> kafkaRecord(String topic, String run, int i) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, bytes(subject(i)), data(run, i));
		headers(run, i).forEach((k, v) -> record.headers().add("ce_" + k, bytes(v)));
		record.headers().add("content-type", bytes("application/json"));
		return record;
	}

	/** A connection to {@code host:port:user:password}. */
	static Connection rabbitConnection(String address, String name) throws Exception {
		String[] parts = address.split(":");
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(parts[0]);
		factory.setPort(Integer.parseInt(parts[1]));
		factory.setUsername(parts[2]);
		factory.setPassword(parts[3]);
		return factory.newConnection(name);
	}

	/** Event {@code i} of {@code run} as a persistent binary-mode CloudEvent, published to {@code exchange}. */
	static void rabbitPublish(Channel channel, String exchange, String run, int i) throws Exception {
		Map<String, Object> headers = new HashMap<>();
		headers(run, i).forEach((k, v) -> headers.put("cloudEvents:" + k, v));
		channel.basicPublish(exchange, subject(i), true, new AMQP.BasicProperties.Builder()
			.contentType("application/json").deliveryMode(2).headers(headers).build(), data(run, i));
	}

	static void rabbit(String address, String run, int n) throws Exception {
		try (Connection connection = rabbitConnection(address, "daca-fault-test");
				Channel channel = connection.createChannel()) {
			channel.confirmSelect();
			for (int i = 0; i < n; i++) {
				rabbitPublish(channel, topic(), run, i);
				if (i % 500 == 499) {
					channel.waitForConfirmsOrDie(30_000);
				}
			}
			channel.waitForConfirmsOrDie(30_000);
		}
	}

	static Map<String, String> headers(String run, int i) {
		return Map.of("id", run + (shopper ? "-s-" : "-") + i, "specversion", "1.0", "type",
				shopper ? "dev.daca.shopper.activity" : "dev.daca.content.submitted", "source", "/fault-test", "subject",
				subject(i));
	}

	static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
