package dev.daca.deploy;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.azure.core.util.ExpandableStringEnum;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonSerializable;
import com.azure.json.JsonWriter;
import com.azure.resourcemanager.appcontainers.fluent.models.ContainerAppInner;
import com.azure.resourcemanager.appcontainers.fluent.models.JobInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The deploy/aca manifests, parsed into the Azure Container Apps ARM model (azure-resourcemanager-appcontainers: the
 * {@code Microsoft.App/containerApps} and {@code Microsoft.App/jobs} resource shapes that
 * {@code az containerapp [job] create --yaml} takes), strictly: the model's own {@code validate()} (required fields),
 * every field of the manifest must survive the model's round trip (the SDK's reader skips what it does not know, so
 * a field missing from the re-serialised resource is one the model does not have), and every value of an
 * extensible enum (transport, appProtocol, triggerType, identity type...) must be one the model names.
 */
final class ContainerAppsModel {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** The resource's read-only fields: read by the model, never written back. */
	private static final List<String> READ_ONLY = List.of("name", "type");

	private ContainerAppsModel() {
	}

	/** The typed resource; throws naming the file and every field or value the model does not know. */
	static JsonSerializable<?> typed(Manifests.Document document) {
		String type = document.tree().path("type").asText();
		JsonSerializable<?> parsed;
		String name;
		try (JsonReader reader = JsonProviders.createReader(JSON.writeValueAsString(document.tree()))) {
			switch (type) {
				case "Microsoft.App/containerApps" -> {
					ContainerAppInner app = ContainerAppInner.fromJson(reader);
					app.validate();
					parsed = app;
					name = app.name();
				}
				case "Microsoft.App/jobs" -> {
					JobInner job = JobInner.fromJson(reader);
					job.validate();
					parsed = job;
					name = job.name();
				}
				default -> throw new IllegalArgumentException(document.file() + ": no Container Apps model for type '"
						+ type + "'");
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalArgumentException(document.file() + " (" + document.tree().path("name").asText() + "): "
					+ ex.getMessage(), ex);
		}
		List<String> problems = new ArrayList<>();
		if (!document.tree().path("name").asText().equals(name)) {
			problems.add(".name not read by the model");
		}
		missing(document.tree(), roundTrip(parsed), "", problems);
		unknownEnumValues(parsed, "", problems);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(document.file() + " (" + name + "): not in the Container Apps model: "
					+ problems);
		}
		return parsed;
	}

	private static JsonNode roundTrip(JsonSerializable<?> parsed) {
		StringWriter out = new StringWriter();
		try (JsonWriter writer = JsonProviders.createWriter(out)) {
			parsed.toJson(writer);
			writer.flush();
			return JSON.readTree(out.toString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every field of the manifest that is not in the re-serialised model, or has another value there. */
	private static void missing(JsonNode manifest, JsonNode model, String path, List<String> problems) {
		if (manifest.isObject()) {
			manifest.properties().forEach(field -> {
				String at = path + "." + field.getKey();
				if (path.isEmpty() && READ_ONLY.contains(field.getKey())) {
					return;
				}
				if (!model.has(field.getKey())) {
					problems.add(at);
				}
				else {
					missing(field.getValue(), model.get(field.getKey()), at, problems);
				}
			});
		}
		else if (manifest.isArray()) {
			for (int i = 0; i < manifest.size(); i++) {
				if (i >= model.size()) {
					problems.add(path + "[" + i + "]");
				}
				else {
					missing(manifest.get(i), model.get(i), path + "[" + i + "]", problems);
				}
			}
		}
		else if (manifest.isNumber() && model.isNumber() ? manifest.decimalValue().compareTo(model.decimalValue()) != 0
				: !manifest.asText().equals(model.asText())) {
			problems.add(path + " = " + manifest + " (the model read " + model + ")");
		}
	}

	/** Extensible enums accept any string; a value the model does not name is a typo here. */
	private static void unknownEnumValues(Object value, String path, List<String> problems) {
		if (value == null) {
			return;
		}
		if (value instanceof Collection<?> items) {
			int i = 0;
			for (Object item : items) {
				unknownEnumValues(item, path + "[" + i++ + "]", problems);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((k, v) -> unknownEnumValues(v, path + "." + k, problems));
			return;
		}
		if (value instanceof ExpandableStringEnum<?> enumValue) {
			Collection<?> known = knownValues(enumValue.getClass());
			if (!known.contains(enumValue)) {
				problems.add(path + " = " + enumValue + " (one of " + known + ")");
			}
			return;
		}
		if (!value.getClass().getPackageName().startsWith("com.azure")) {
			return;
		}
		for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				try {
					unknownEnumValues(field.get(value), path + "." + field.getName(), problems);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}

	/** The constants the enum class declares (its {@code values()} also holds whatever strings were parsed). */
	private static Collection<?> knownValues(Class<?> enumType) {
		List<Object> known = new ArrayList<>();
		for (Field constant : enumType.getFields()) {
			if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == enumType) {
				try {
					known.add(constant.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return known;
	}
}
