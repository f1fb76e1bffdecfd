package dev.daca.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What breaks when a workload scales to zero: an in-process cron (nothing runs at zero replicas), a Dapr cron binding
 * on it (microsoft/azure-container-apps#947: it never fires at zero), and a Dapr workflow activity host (workflows
 * stall with no host). A workload can scale to zero when it is a Knative Service with min-scale 0 (the default), a
 * Deployment a KEDA ScaledObject scales with minReplicaCount 0 (KEDA's default), or a Container App with minReplicas
 * 0. Cron is in-process unless DACA_SCHEDULE_ENABLED is "false"; a workflow host runs the "dapr" profile.
 */
final class ScaleToZeroLint {

	record Workload(String name, String appId, boolean canScaleToZero, Map<String, String> env) {
	}

	static List<String> findings(List<Manifests.Document> documents) {
		Map<String, Map<String, String>> configMaps = new HashMap<>();
		Map<String, Integer> kedaMin = new HashMap<>();
		for (Manifests.Document d : documents) {
			if (d.kind().equals("v1/ConfigMap")) {
				Map<String, String> data = new HashMap<>();
				d.tree().path("data").properties().forEach(e -> data.put(e.getKey(), e.getValue().asText()));
				configMaps.put(d.name(), data);
			}
			if (d.kind().equals("keda.sh/v1alpha1/ScaledObject")) {
				kedaMin.put(d.tree().path("spec").path("scaleTargetRef").path("name").asText(),
						d.tree().path("spec").path("minReplicaCount").asInt(0));
			}
		}
		List<Workload> workloads = new ArrayList<>();
		for (Manifests.Document d : documents) {
			JsonNode t = d.tree();
			switch (d.kind()) {
				case "serving.knative.dev/v1/Service" -> {
					JsonNode annotations = t.path("spec").path("template").path("metadata").path("annotations");
					workloads.add(new Workload(d.name(), appId(annotations),
							annotations.path("autoscaling.knative.dev/min-scale").asInt(0) == 0,
							env(t.path("spec").path("template").path("spec").path("containers"), configMaps)));
				}
				case "apps/v1/Deployment" -> {
					JsonNode annotations = t.path("spec").path("template").path("metadata").path("annotations");
					workloads.add(new Workload(d.name(), appId(annotations),
							kedaMin.containsKey(d.name()) && kedaMin.get(d.name()) == 0,
							env(t.path("spec").path("template").path("spec").path("containers"), configMaps)));
				}
				case "/" -> {
					if (t.path("type").asText().equals("Microsoft.App/containerApps")) {
						JsonNode p = t.path("properties");
						JsonNode dapr = p.path("configuration").path("dapr");
						workloads.add(new Workload(t.path("name").asText(),
								dapr.path("enabled").asBoolean(false) ? dapr.path("appId").asText() : null,
								p.path("template").path("scale").path("minReplicas").asInt(0) == 0,
								env(p.path("template").path("containers"), configMaps)));
					}
				}
				default -> {
				}
			}
		}
		List<String> findings = new ArrayList<>();
		for (Workload w : workloads) {
			if (!w.canScaleToZero()) {
				continue;
			}
			if (!"false".equals(w.env().get("DACA_SCHEDULE_ENABLED"))) {
				findings.add(w.name() + ": can scale to zero but runs scheduled functions in-process "
						+ "(set DACA_SCHEDULE_ENABLED=false and schedule them as CronJobs / ACA Jobs)");
			}
			if (w.env().getOrDefault("SPRING_PROFILES_ACTIVE", "").contains("dapr")) {
				findings.add(w.name() + ": hosts Dapr workflow activities with min replicas 0");
			}
		}
		for (Manifests.Document d : documents) {
			if (d.kind().equals("dapr.io/v1alpha1/Component")
					&& d.tree().path("spec").path("type").asText().equals("bindings.cron")) {
				List<String> scopes = new ArrayList<>();
				d.tree().path("scopes").forEach(s -> scopes.add(s.asText()));
				for (Workload w : workloads) {
					if (w.canScaleToZero() && w.appId() != null && (scopes.isEmpty() || scopes.contains(w.appId()))) {
						findings.add(d.name() + ": Dapr cron binding on " + w.name()
								+ ", which can scale to zero (it never fires there)");
					}
				}
			}
		}
		return findings;
	}

	private static String appId(JsonNode annotations) {
		return annotations.path("dapr.io/enabled").asText().equals("true")
				? annotations.path("dapr.io/app-id").asText() : null;
	}

	private static Map<String, String> env(JsonNode containers, Map<String, Map<String, String>> configMaps) {
		Map<String, String> env = new HashMap<>();
		for (JsonNode container : containers) {
			for (JsonNode from : container.path("envFrom")) {
				env.putAll(configMaps.getOrDefault(from.path("configMapRef").path("name").asText(), Map.of()));
			}
			for (JsonNode var : container.path("env")) {
				env.put(var.path("name").asText(), var.path("value").asText(null));
			}
		}
		return env;
	}
}
