package dev.daca.bindings.deadletter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /admin/dead-letters/{binding}/replay}: re-publishes the dead letters of a consumer binding (e.g.
 * {@code moderateContent-in-0}) to its input, ids unchanged, and parks those replayed
 * {@code daca.dead-letters.max-replays} times already. A binding with several destinations replays each one.
 */
@RestController
@EnableConfigurationProperties(DeadLetterReplay.Settings.class)
class DeadLetterReplay {

	@ConfigurationProperties("daca.dead-letters")
	record Settings(@DefaultValue("3") int maxReplays) {
	}

	record Replay(String binding, String binder, List<DeadLetters.Replayed> destinations) {
	}

	private final BindingServiceProperties bindings;

	private final Map<String, DeadLetters> byBinder;

	private final Settings settings;

	DeadLetterReplay(BindingServiceProperties bindings, List<DeadLetters> stores, Settings settings) {
		this.bindings = bindings;
		this.byBinder = stores.stream().collect(Collectors.toMap(DeadLetters::binder, Function.identity()));
		this.settings = settings;
	}

	@PostMapping("/admin/dead-letters/{binding}/replay")
	Replay replay(@PathVariable String binding) {
		BindingProperties properties = bindings.getBindings().get(binding);
		if (properties == null || properties.getGroup() == null || properties.getDestination() == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no consumer binding '" + binding
					+ "' with a group; consumer bindings: " + consumerBindings());
		}
		String binder = properties.getBinder() != null ? properties.getBinder() : bindings.getDefaultBinder();
		DeadLetters store = byBinder.get(binder);
		if (store == null) {
			throw new ResponseStatusException(HttpStatus.NOT_IMPLEMENTED,
					"no dead-letter replay for binder '" + binder + "'; known: " + byBinder.keySet());
		}
		try {
			List<DeadLetters.Replayed> replayed = Arrays.stream(properties.getDestination().split(","))
				.map(String::trim)
				.map(destination -> store.replay(destination, properties.getGroup(), settings.maxReplays()))
				.toList();
			return new Replay(binding, binder, replayed);
		}
		catch (IllegalStateException | org.springframework.amqp.AmqpException
				| org.apache.kafka.common.KafkaException ex) {
			throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
					"the broker did not complete the replay: " + ex.getMessage(), ex);
		}
	}

	private List<String> consumerBindings() {
		return bindings.getBindings()
			.entrySet()
			.stream()
			.filter(e -> e.getValue().getGroup() != null)
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}
}
