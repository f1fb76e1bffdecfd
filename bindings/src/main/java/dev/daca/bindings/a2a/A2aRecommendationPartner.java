package dev.daca.bindings.a2a;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.a2a.A2A;
import io.a2a.client.Client;
import io.a2a.client.ClientEvent;
import io.a2a.client.MessageEvent;
import io.a2a.client.TaskEvent;
import io.a2a.client.config.ClientConfig;
import io.a2a.client.transport.jsonrpc.JSONRPCTransport;
import io.a2a.client.transport.jsonrpc.JSONRPCTransportConfig;
import io.a2a.spec.A2AClientException;
import io.a2a.spec.AgentCard;
import io.a2a.spec.Artifact;
import io.a2a.spec.DataPart;
import io.a2a.spec.Message;
import io.a2a.spec.Part;
import io.a2a.spec.Task;

import dev.daca.functions.recommendation.RecommendationPartner;
import dev.daca.functions.recommendation.ShopperActivity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code recommend} asks a partner's A2A agent too, when {@code daca.a2a.partners.recommend} names its base URL: our
 * own A2A client (the official a2a-java SDK, JSON-RPC transport) reads the partner's agent card, sends the shopper
 * activity as a data part ({@code metadata.skill = recommend}), and reads {@code {"items": [{productId, score,
 * reason}]}} from the data part of the answer (a message, or a task's artifacts). Any failure, including no answer
 * within {@code daca.a2a.partner-timeout}, is thrown, and {@code recommend} keeps its own items.
 */
@Component
@ConditionalOnProperty("daca.a2a.partners.recommend")
class A2aRecommendationPartner implements RecommendationPartner {

	private final String url;

	private final Duration timeout;

	private final ObjectMapper json;

	private volatile Client client;

	A2aRecommendationPartner(@Value("${daca.a2a.partners.recommend}") String url,
			@Value("${daca.a2a.partner-timeout:PT5S}") Duration timeout, ObjectMapper json) {
		this.url = url.replaceAll("/+$", "");
		this.timeout = timeout;
		this.json = json;
	}

	@Override
	public String name() {
		return "partner agent " + url;
	}

	@Override
	public List<PartnerItem> recommend(ShopperActivity activity) {
		@SuppressWarnings("unchecked")
		Map<String, Object> data = json.convertValue(activity, Map.class);
		Message message = new Message.Builder().role(Message.Role.USER)
			.messageId(UUID.randomUUID().toString())
			.parts(List.of(new DataPart(data)))
			.metadata(Map.of("skill", "recommend"))
			.build();
		CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
		BiConsumer<ClientEvent, AgentCard> consumer = (event, card) -> answer.complete(dataOf(event));
		try {
			client().sendMessage(message, List.of(consumer), answer::completeExceptionally, null);
			return items(answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (A2AClientException ex) {
			throw new IllegalStateException("the partner's agent refused the message: " + ex.getMessage(), ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("the partner's agent failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("the partner's agent did not answer within " + timeout, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the partner's agent", ex);
		}
	}

	/** Connects on first use (reading the card), so a partner that is down at startup costs only its own calls. */
	private Client client() throws A2AClientException {
		Client connected = client;
		if (connected == null) {
			synchronized (this) {
				if (client == null) {
					AgentCard card = A2A.getAgentCard(url);
					client = Client.builder(card)
						.clientConfig(new ClientConfig.Builder().setStreaming(false)
							.setAcceptedOutputModes(List.of("application/json"))
							.build())
						.withTransport(JSONRPCTransport.class, new JSONRPCTransportConfig())
						.build();
				}
				connected = client;
			}
		}
		return connected;
	}

	private static Map<String, Object> dataOf(ClientEvent event) {
		List<Part<?>> parts = new ArrayList<>();
		if (event instanceof MessageEvent message) {
			parts.addAll(message.getMessage().getParts());
		}
		else if (event instanceof TaskEvent task) {
			Task done = task.getTask();
			for (Artifact artifact : done.getArtifacts() == null ? List.<Artifact>of() : done.getArtifacts()) {
				parts.addAll(artifact.parts());
			}
		}
		return parts.stream().filter(DataPart.class::isInstance).map(p -> ((DataPart) p).getData()).findFirst()
			.orElseThrow(() -> new IllegalStateException("the partner's answer has no data part: " + event));
	}

	private List<PartnerItem> items(Map<String, Object> data) {
		Object items = data.get("items");
		if (!(items instanceof List<?>)) {
			throw new IllegalStateException("the partner's answer has no items list: " + data);
		}
		return json.convertValue(items, json.getTypeFactory().constructCollectionType(List.class, PartnerItem.class));
	}
}
