package dev.daca.bindings.rabbit;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.stream.config.ProducerMessageHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.outbound.AmqpOutboundEndpoint;
import org.springframework.messaging.MessageHandler;

/**
 * RabbitMQ binder settings that properties cannot express. A function's output is published before its input is
 * acked, but the binder does not wait for the broker's publisher confirm by default: a nacked or unconfirmed output
 * would be lost while the input counts as done. Here every RabbitMQ producer binding waits for the confirm
 * ({@code daca.rabbit.confirm-timeout}, default 10 s) and fails the send on a nack or a timeout, so the input is
 * retried and then dead-lettered instead (replaying it re-emits the recorded output: the ledger has the decision).
 * Needs {@code publisher-confirm-type: correlated} and {@code error-channel-enabled} on the producers (the
 * {@code rabbit} profile sets both), which make the binder correlate each publish with its confirm.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(AmqpOutboundEndpoint.class)
class RabbitBindingConfiguration {

	@Bean
	ProducerMessageHandlerCustomizer<MessageHandler> confirmedRabbitPublishing(
			@Value("${daca.rabbit.confirm-timeout:10s}") Duration timeout) {
		return (handler, destination) -> {
			// one customizer for every binder in the jar: only RabbitMQ producers are touched
			if (handler instanceof AmqpOutboundEndpoint rabbit) {
				rabbit.setWaitForConfirm(true);
				rabbit.setConfirmTimeout(timeout.toMillis());
			}
		};
	}
}
