package dev.daca.bindings.deadletter;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * RabbitMQ: the binder dead-letters (republish-to-dlq) to the queue {@code <destination>.<group>.dlq}; the parking lot
 * is the durable queue {@code <destination>.<group>.parkinglot}. A replay takes the messages that are in the DLQ when
 * it starts, one at a time, and publishes each one straight to the group's queue {@code <destination>.<group>}
 * (default exchange: only the group that failed sees it again) with its properties and headers; it acks the dead
 * letter only after the broker confirmed the publish, so a crash mid-replay loses nothing (at worst a letter is
 * replayed twice, and the consumer dedupes it by id).
 */
@Component
class RabbitDeadLetters implements DeadLetters {

	private static final long CONFIRM_TIMEOUT_MS = 10_000;

	private final ObjectProvider<AbstractConnectionFactory> connections;

	RabbitDeadLetters(ObjectProvider<AbstractConnectionFactory> connections) {
		this.connections = connections;
	}

	@Override
	public String binder() {
		return "rabbit";
	}

	@Override
	public Replayed replay(String destination, String group, int maxReplays) {
		String queue = destination + "." + group;
		String deadLetters = queue + ".dlq";
		String parkingLot = queue + ".parkinglot";
		int replayed = 0;
		int parked = 0;
		try (Connection connection = connections.getObject().getRabbitConnectionFactory()
			.newConnection("daca-dead-letter-replay"); Channel channel = connection.createChannel()) {
			channel.confirmSelect();
			channel.queueDeclare(parkingLot, true, false, false, null);
			long waiting = channel.queueDeclarePassive(deadLetters).getMessageCount();
			for (long i = 0; i < waiting; i++) {
				GetResponse letter = channel.basicGet(deadLetters, false);
				if (letter == null) {
					break;
				}
				AMQP.BasicProperties props = letter.getProps();
				Map<String, Object> headers = new HashMap<>(props.getHeaders() == null ? Map.of() : props.getHeaders());
				int replays = DeadLetters.replaysOf(headers.get(REPLAYS));
				boolean park = replays >= maxReplays;
				if (!park) {
					headers.keySet().removeIf(DeadLetters::describesFailure);
				}
				headers.put(REPLAYS, park ? replays : replays + 1);
				channel.basicPublish("", park ? parkingLot : queue, true, props.builder().headers(headers).build(),
						letter.getBody());
				channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
				channel.basicAck(letter.getEnvelope().getDeliveryTag(), false);
				if (park) {
					parked++;
				}
				else {
					replayed++;
				}
			}
		}
		catch (IOException | TimeoutException ex) {
			throw new IllegalStateException("replay of " + deadLetters + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("replay of " + deadLetters + " interrupted", ex);
		}
		return new Replayed(destination, group, deadLetters, parkingLot, replayed, parked);
	}
}
