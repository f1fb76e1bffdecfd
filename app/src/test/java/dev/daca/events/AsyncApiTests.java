package dev.daca.events;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.daca.bindings.stream.EventTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AsyncAPI document ({@code asyncapi.yaml}) says what the code does: its channels are exactly the destinations
 * of the bindings in {@code application.yml}, each binding has its operations with the right direction and group,
 * the CloudEvent types are those of {@link EventTypes} on the topics {@link EventTypes#inboundTypeOf} names, and
 * each payload schema lists exactly the fields of the record it documents.
 */
class AsyncApiTests {

	private final Map<String, Object> asyncApi = yaml("asyncapi.yaml");

	private final Map<String, Map<String, Object>> bindings = map(
			path(yaml("application.yml"), "spring", "cloud", "stream", "bindings"));

	@Test
	void everyBindingDestinationIsAChannelAndEveryChannelIsABindingDestination() {
		Set<String> destinations = bindings.values()
			.stream()
			.flatMap(binding -> destinationsOf(binding).stream())
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> addresses = channels().values()
			.stream()
			.map(channel -> (String) channel.get("address"))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(addresses).isEqualTo(destinations);
	}

	@Test
	void eachBindingHasOperationsOnItsDestinationsWithItsDirectionAndGroup() {
		Map<String, Set<String>> channelsByBinding = new HashMap<>();
		for (Map.Entry<String, Map<String, Object>> operation : operations().entrySet()) {
			Map<String, Object> op = operation.getValue();
			String binding = (String) op.get("x-binding");
			assertThat(bindings).as("operation %s names binding %s", operation.getKey(), binding).containsKey(binding);
			Map<String, Object> configured = bindings.get(binding);
			boolean consumer = binding.contains("-in-");
			assertThat(op.get("action")).as(operation.getKey()).isEqualTo(consumer ? "receive" : "send");
			assertThat(op.get("x-group")).as(operation.getKey()).isEqualTo(configured.get("group"));
			channelsByBinding.computeIfAbsent(binding, b -> new HashSet<>()).add(addressOf(op));
		}
		bindings.forEach((name, binding) -> assertThat(channelsByBinding.get(name))
			.as("channels of the operations of binding %s", name)
			.isEqualTo(new HashSet<>(destinationsOf(binding))));
	}

	@Test
	void theCloudEventTypesAreThoseOfEventTypesOnTheirTopics() throws Exception {
		Set<String> documented = new TreeSet<>();
		channels().forEach((key, channel) -> {
			String address = (String) channel.get("address");
			Set<String> types = map(channel.get("messages")).values()
				.stream()
				.map(message -> typeOf(resolve(message)))
				.collect(Collectors.toSet());
			documented.addAll(types);
			EventTypes.inboundTypeOf(address)
				.ifPresent(inbound -> assertThat(types).as("types on inbound topic %s", address)
					.containsExactly(inbound));
			// our types are named after the topic that carries them (home.signals carries home.signalled)
			assertThat(types).as("types on %s", address)
				.allSatisfy(type -> assertThat(type).startsWith(EventTypes.PREFIX + address.split("\\.")[0] + "."));
		});
		assertThat(documented).isEqualTo(eventTypeConstants());
	}

	@Test
	void eachPayloadSchemaListsTheFieldsOfItsRecord() throws Exception {
		Map<String, Map<String, Object>> schemas = map(path(asyncApi, "components", "schemas"));
		for (Map.Entry<String, Map<String, Object>> schema : schemas.entrySet()) {
			String javaType = (String) schema.getValue().get("x-java-type");
			if (javaType == null) {
				continue;
			}
			Class<?> type = Class.forName(javaType);
			assertThat(type.isRecord()).as(javaType).isTrue();
			Set<String> fields = Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getName)
				.collect(Collectors.toCollection(TreeSet::new));
			Set<String> properties = new TreeSet<>(map(schema.getValue().get("properties")).keySet());
			// outcomes and home signals carry their Jackson type id ("function", "signal") besides their fields
			properties.removeAll(Set.of(fields.contains("function") ? "" : "function", "signal"));
			assertThat(properties).as("properties of schema %s vs fields of %s", schema.getKey(), javaType)
				.isEqualTo(fields);
			@SuppressWarnings("unchecked")
			List<String> required = (List<String>) schema.getValue().getOrDefault("required", List.of());
			assertThat(map(schema.getValue().get("properties")).keySet()).containsAll(required);
		}
	}

	private Map<String, Map<String, Object>> channels() {
		return map(asyncApi.get("channels"));
	}

	private Map<String, Map<String, Object>> operations() {
		return map(asyncApi.get("operations"));
	}

	private String addressOf(Map<String, Object> operation) {
		return (String) resolve(operation.get("channel")).get("address");
	}

	private static String typeOf(Map<String, Object> message) {
		return (String) message.get("name");
	}

	/** Follows a local {@code $ref} ({@code #/a/b}); keys may contain dots, so it splits on '/' only. */
	private Map<String, Object> resolve(Object node) {
		Map<String, Object> map = map(node);
		Object ref = map.get("$ref");
		if (ref == null) {
			return map;
		}
		Object target = asyncApi;
		for (String key : ref.toString().substring(2).split("/")) {
			target = map(target).get(key);
		}
		return map(target);
	}

	private static List<String> destinationsOf(Map<String, Object> binding) {
		return Arrays.stream(binding.get("destination").toString().split(",")).map(String::trim).toList();
	}

	private static Set<String> eventTypeConstants() throws IllegalAccessException {
		Set<String> types = new TreeSet<>();
		for (Field field : EventTypes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
					&& !field.getName().equals("PREFIX")) {
				types.add((String) field.get(null));
			}
		}
		return types;
	}

	@SuppressWarnings("unchecked")
	private static void deepMerge(Map<String, Object> into, Map<?, ?> from) {
		from.forEach((key, value) -> {
			Object existing = into.get(String.valueOf(key));
			if (existing instanceof Map<?, ?> left && value instanceof Map<?, ?> right) {
				deepMerge((Map<String, Object>) left, right);
			}
			else {
				into.put(String.valueOf(key), value instanceof Map<?, ?> map
						? new java.util.LinkedHashMap<>((Map<String, Object>) map) : value);
			}
		});
	}

	private static Map<String, Object> yaml(String resource) {
		try (InputStream in = AsyncApiTests.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource + " on the class path").isNotNull();
			// application.yml holds several YAML documents (one per concern): read them as one
			Map<String, Object> merged = new java.util.LinkedHashMap<>();
			for (Object document : new Yaml().loadAll(in)) {
				if (document instanceof Map<?, ?> map) {
					deepMerge(merged, map);
				}
			}
			return merged;
		}
		catch (IOException ex) {
			throw new AssertionError(ex);
		}
	}

	private static Object path(Map<String, Object> root, String... keys) {
		Object node = root;
		for (String key : keys) {
			node = map(node).get(key);
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static <V> Map<String, V> map(Object node) {
		assertThat(node).isInstanceOf(Map.class);
		return (Map<String, V>) node;
	}
}
