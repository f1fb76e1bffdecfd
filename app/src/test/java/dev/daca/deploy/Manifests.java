package dev.daca.deploy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The manifests under deploy/, parsed strictly: Kubernetes and Knative kinds into the fabric8 typed models (any field
 * the model does not know lands in an {@code additionalProperties} map, which must stay empty anywhere in the tree);
 * KEDA ScaledObjects and Dapr Components, which have no model on Maven Central, into records here that follow their
 * published CRDs (keda.sh/v1alpha1, dapr.io/v1alpha1) for the fields we use, failing on any other field.
 */
final class Manifests {

	static final Path DEPLOY = Path.of("..", "deploy");

	static final ObjectMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	record Document(Path file, JsonNode tree) {

		String kind() {
			return tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
		}

		String name() {
			return tree.path("metadata").path("name").asText();
		}
	}

	static final Map<String, Class<?>> MODELS = Map.of(
			"v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
			"v1/Service", io.fabric8.kubernetes.api.model.Service.class,
			"apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
			"batch/v1/CronJob", io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
			"autoscaling/v2/HorizontalPodAutoscaler",
			io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
			"serving.knative.dev/v1/Service", io.fabric8.knative.serving.v1.Service.class,
			"keda.sh/v1alpha1/ScaledObject", ScaledObject.class,
			"dapr.io/v1alpha1/Component", DaprComponent.class);

	/** KEDA ScaledObject (keda.sh/v1alpha1), the fields this project uses. */
	record ScaledObject(String apiVersion, String kind, Meta metadata, ScaledObjectSpec spec) {
	}

	record ScaledObjectSpec(Target scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
			Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
	}

	record Target(String name, String kind, String apiVersion) {
	}

	record Trigger(String type, Map<String, String> metadata, String name) {
	}

	/** Dapr Component (dapr.io/v1alpha1). */
	record DaprComponent(String apiVersion, String kind, Meta metadata, ComponentSpec spec, List<String> scopes,
			Map<String, String> auth) {
	}

	record ComponentSpec(String type, String version, List<Map<String, Object>> metadata, String initTimeout,
			Boolean ignoreErrors) {
	}

	record Meta(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
	}

	/** Every YAML document of every manifest under the directory (kustomization files apart). */
	static List<Document> documents(Path dir) throws IOException {
		List<Document> documents = new ArrayList<>();
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
				.filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
				.sorted()
				.toList()) {
				try (var parser = new YAMLFactory().createParser(file.toFile())) {
					var trees = YAML.readValues(parser, JsonNode.class);
					while (trees.hasNext()) {
						JsonNode tree = trees.next();
						if (tree != null && !tree.isEmpty()) {
							documents.add(new Document(file, tree));
						}
					}
				}
			}
		}
		return documents;
	}

	/** Parse into the kind's typed model; throws naming the file and field when anything is unknown. */
	static Object typed(Document document) {
		Class<?> model = MODELS.get(document.kind());
		if (model == null) {
			throw new IllegalArgumentException(document.file() + ": no typed model for " + document.kind());
		}
		Object parsed;
		try {
			parsed = YAML.treeToValue(document.tree(), model);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(document.file() + " (" + document.name() + "): " + ex.getMessage(), ex);
		}
		List<String> unknown = new ArrayList<>();
		unknownFields(parsed, "", unknown);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(document.file() + " (" + document.name() + "): unknown fields "
					+ unknown);
		}
		return parsed;
	}

	private static void unknownFields(Object value, String path, List<String> unknown) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownFields(item, path + "[" + i++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
			return;
		}
		if (!value.getClass().getPackageName().startsWith("io.fabric8")) {
			return;
		}
		for (Method getter : value.getClass().getMethods()) {
			if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
					|| getter.getDeclaringClass() == Object.class) {
				continue;
			}
			Object child;
			try {
				child = getter.invoke(value);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			String field = path + "." + Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
			if (getter.getName().equals("getAdditionalProperties")) {
				if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
					extra.keySet().forEach(k -> unknown.add(path + "." + k));
				}
			}
			else if (!(child instanceof String) && !(child instanceof Number) && !(child instanceof Boolean)
					&& !(child instanceof Enum<?>)) {
				unknownFields(child, field, unknown);
			}
		}
	}
}
