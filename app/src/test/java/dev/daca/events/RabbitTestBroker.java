package dev.daca.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The scenario's broker on RabbitMQ, with the plain AMQP client: CloudEvents in AMQP binary mode
 * ({@code cloudEvents:} headers, the subject as routing key) published to the destination's topic exchange; a tap is
 * an exclusive queue bound to the exchange; dead letters are in {@code <topic>.<group>.dlq}, parked ones in
 * {@code <topic>.<group>.parkinglot}. Reading those leaves them in place (not acked, requeued on close).
 */
final class RabbitTestBroker implements TestBroker {

	private static final String PREFIX = "cloudEvents:";

	private final Connection connection;

	private final Channel channel;

	RabbitTestBroker(String host, int port, String username, String password, String virtualHost) {
		ConnectionFactory factory = new ConnectionFactory();
		factory.setHost(host);
		factory.setPort(port);
		factory.setUsername(username);
		factory.setPassword(password);
		factory.setVirtualHost(virtualHost);
		factory.setConnectionTimeout(5_000);
		try {
			this.connection = factory.newConnection("daca-tests");
			this.channel = connection.createChannel();
			channel.confirmSelect();
		}
		catch (IOException | TimeoutException ex) {
			throw new AssertionError("RabbitMQ at " + host + ":" + port + ": " + ex, ex);
		}
	}

	@Override
	public void publish(String topic, Event event) {
		send(topic, event.subject(), event, Map.of());
	}

	@Override
	public void deadLetter(String topic, String group, Event event, String reason) {
		// as republish-to-dlq does: to the DLQ, with the original headers and the error
		send("", topic + "." + group + ".dlq", event,
				Map.of("x-exception-message", reason, "x-original-exchange", topic, "x-original-routingKey",
						event.subject()));
	}

	private void send(String exchange, String routingKey, Event event, Map<String, Object> extra) {
		Map<String, Object> headers = new HashMap<>(extra);
		headers.put(PREFIX + "id", event.id());
		headers.put(PREFIX + "specversion", "1.0");
		headers.put(PREFIX + "type", event.type());
		headers.put(PREFIX + "source", "/tests");
		headers.put(PREFIX + "subject", event.subject());
		AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().contentType("application/json")
			.deliveryMode(2)
			.headers(headers)
			.build();
		try {
			channel.basicPublish(exchange, routingKey, true, props, event.data());
			channel.waitForConfirmsOrDie(10_000);
		}
		catch (IOException | TimeoutException ex) {
			throw new AssertionError("RabbitMQ did not confirm the event for " + exchange + "/" + routingKey, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	@Override
	public Tap tap(String topic) {
		try {
			Channel tapChannel = connection.createChannel();
			tapChannel.exchangeDeclarePassive(topic);
			String queue = tapChannel.queueDeclare().getQueue();
			tapChannel.queueBind(queue, topic, "#");
			return new Tap() {
				@Override
				protected List<Received> poll() {
					List<Received> polled = new ArrayList<>();
					long until = System.nanoTime() + Duration.ofMillis(500).toNanos();
					try {
						while (System.nanoTime() < until) {
							GetResponse response = tapChannel.basicGet(queue, true);
							if (response == null) {
								sleep(50);
							}
							else {
								polled.add(received(response));
							}
						}
					}
					catch (IOException ex) {
						throw new AssertionError("cannot read " + queue + ": " + ex, ex);
					}
					return polled;
				}

				@Override
				public void close() {
					closeQuietly(tapChannel);
				}
			};
		}
		catch (IOException ex) {
			throw new AssertionError("cannot watch exchange " + topic + " (does the app declare it?): " + ex, ex);
		}
	}

	/**
	 * Makes RabbitMQ refuse (nack) what is published to {@code exchange} with {@code routingKey}: a queue that holds
	 * nothing ({@code x-max-length 0}, {@code x-overflow reject-publish}) bound for that key only. Exclusive: it goes
	 * with this client's connection.
	 */
	void refuse(String exchange, String routingKey) {
		try {
			String queue = channel.queueDeclare("", false, true, true,
					Map.of("x-max-length", 0, "x-overflow", "reject-publish"))
				.getQueue();
			channel.queueBind(queue, exchange, routingKey);
		}
		catch (IOException ex) {
			throw new AssertionError("cannot declare the refusing queue: " + ex, ex);
		}
	}

	@Override
	public List<Received> deadLetters(String topic, String group, Set<String> ids, Duration timeout) {
		return peek(topic + "." + group + ".dlq", ids, timeout);
	}

	@Override
	public List<Received> parked(String topic, String group, Set<String> ids, Duration timeout) {
		return peek(topic + "." + group + ".parkinglot", ids, timeout);
	}

	/** Reads a queue without taking anything: the channel closes unacked, so RabbitMQ requeues every message. */
	private List<Received> peek(String queue, Set<String> ids, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Received> found = new ArrayList<>();
		while (found.size() < ids.size()) {
			Channel peekChannel = null;
			try {
				peekChannel = connection.createChannel();
				peekChannel.queueDeclarePassive(queue);
				found = get(peekChannel, queue, ids);
			}
			catch (IOException ex) {
				// the queue does not exist (yet): the parking lot is declared by the first replay that parks
			}
			finally {
				closeQuietly(peekChannel);
			}
			if (System.nanoTime() > deadline) {
				break;
			}
			sleep(300);
		}
		return found;
	}

	/** The messages of a queue with one of the ids, read to the queue's end, left unacked. */
	private static List<Received> get(Channel channel, String queue, Set<String> ids) throws IOException {
		List<Received> found = new ArrayList<>();
		for (GetResponse response = channel.basicGet(queue, false); response != null
				&& found.size() < ids.size(); response = channel.basicGet(queue, false)) {
			Received received = received(response);
			if (ids.contains(received.id())) {
				found.add(received);
			}
		}
		return found;
	}

	private static Received received(GetResponse response) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		Map<String, Object> raw = response.getProps().getHeaders() == null ? Map.of()
				: response.getProps().getHeaders();
		raw.forEach((name, value) -> {
			String text = value == null ? null : value.toString();
			headers.put(name, text);
			if (name.startsWith(PREFIX)) {
				attributes.put(name.substring(PREFIX.length()), text);
			}
		});
		return new Received(attributes, response.getEnvelope().getRoutingKey(), response.getBody(), headers);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static void closeQuietly(Channel channel) {
		try {
			if (channel != null && channel.isOpen()) {
				channel.close();
			}
		}
		catch (IOException | TimeoutException ex) {
			// closing a channel the broker already closed
		}
	}

	@Override
	public void close() {
		try {
			connection.close(5_000);
		}
		catch (IOException ex) {
			// the broker went away first
		}
	}
}
