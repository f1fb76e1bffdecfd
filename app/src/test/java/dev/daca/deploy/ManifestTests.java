package dev.daca.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.azure.resourcemanager.appcontainers.fluent.models.ContainerAppInner;
import com.azure.resourcemanager.appcontainers.fluent.models.JobInner;
import com.azure.resourcemanager.appcontainers.models.ScaleRule;
import com.azure.resourcemanager.appcontainers.models.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.daca.hitl.security.HitlSecurityProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest under deploy/ parsed into typed models (unknown fields fail), cross-checked against the app (ports,
 * probe paths, profiles, DACA_* variables, job names), Kustomize resources resolvable, and the scale-to-zero lint.
 * No network, no cluster: files only, and the app's own application*.yml.
 */
class ManifestTests {

	static List<Manifests.Document> all;

	static JsonNode application;

	@BeforeAll
	static void read() throws IOException {
		all = new ArrayList<>(Manifests.documents(Manifests.DEPLOY.resolve("k8s-knative")));
		all.addAll(Manifests.documents(Manifests.DEPLOY.resolve("aca")));
		all.addAll(Manifests.documents(Manifests.DEPLOY.resolve("dapr")));
		application = Manifests.YAML.readTree(Path.of("src/main/resources/application.yml").toFile());
	}

	@Test
	void everyKubernetesKnativeKedaAndDaprManifestParsesIntoItsTypedModel() {
		List<Manifests.Document> kubernetes = all.stream().filter(d -> !azure(d)).toList();
		assertThat(kubernetes).extracting(Manifests.Document::kind)
			.contains("serving.knative.dev/v1/Service", "batch/v1/CronJob", "apps/v1/Deployment",
					"autoscaling/v2/HorizontalPodAutoscaler", "keda.sh/v1alpha1/ScaledObject",
					"dapr.io/v1alpha1/Component");
		for (Manifests.Document document : kubernetes) {
			if (document.kind().equals("dapr.io/v1alpha1/Resiliency")
					|| document.kind().equals("dapr.io/v1alpha1/Configuration")) {
				continue; // deploy/dapr's own files, not part of the ascent manifests; no model here
			}
			assertThat(Manifests.typed(document)).as(document.file().toString()).isNotNull();
		}
	}

	@Test
	void aMisspelledFieldIsRejectedAnywhereInTheTree() throws IOException {
		JsonNode typo = Manifests.YAML.readTree("""
				apiVersion: batch/v1
				kind: CronJob
				metadata: {name: typo}
				spec:
				  schedule: "* * * * *"
				  jobTemplate:
				    spec:
				      template:
				        spec:
				          contianers: [{name: job, image: daca}]
				""");
		assertThatThrownBy(() -> Manifests.typed(new Manifests.Document(Path.of("typo.yaml"), typo)))
			.hasMessageContaining("contianers");
		JsonNode keda = Manifests.YAML.readTree("""
				apiVersion: keda.sh/v1alpha1
				kind: ScaledObject
				metadata: {name: k}
				spec: {scaleTargetRef: {name: x}, minReplicas: 1}
				""");
		assertThatThrownBy(() -> Manifests.typed(new Manifests.Document(Path.of("keda.yaml"), keda)))
			.hasMessageContaining("minReplicas");
	}

	@Test
	void everyAcaManifestParsesIntoTheContainerAppsArmModel() {
		List<Manifests.Document> azure = all.stream().filter(ManifestTests::azure).toList();
		assertThat(azure).extracting(d -> d.tree().path("type").asText())
			.contains("Microsoft.App/containerApps", "Microsoft.App/jobs");
		for (Manifests.Document document : azure) {
			var parsed = ContainerAppsModel.typed(document);
			if (parsed instanceof ContainerAppInner app) {
				assertThat(app.configuration().dapr().appId()).isEqualTo("daca");
				assertThat(app.template().scale().rules()).extracting(ScaleRule::name).contains("http", "kafka-lag");
			}
			else {
				assertThat(((JobInner) parsed).configuration().triggerType()).isEqualTo(TriggerType.SCHEDULE);
			}
		}
	}

	@Test
	void aMisspelledAcaFieldOrValueIsRejected() throws IOException {
		String app = """
				location: westeurope
				name: typo
				type: Microsoft.App/containerApps
				properties:
				  configuration:
				    ingress: {external: true, targetPort: 8080, transport: %s}
				    dapr: {enabled: true, appId: daca, appPort: 8080}
				  template:
				    containers: [{name: daca, image: daca}]
				    scale: {%s: 0, maxReplicas: 3}
				""";
		assertThat(ContainerAppsModel.typed(doc(app.formatted("auto", "minReplicas")))).isNotNull();
		assertThatThrownBy(() -> ContainerAppsModel.typed(doc(app.formatted("auto", "minReplica"))))
			.hasMessageContaining(".properties.template.scale.minReplica");
		assertThatThrownBy(() -> ContainerAppsModel.typed(doc(app.formatted("htpp", "minReplicas"))))
			.hasMessageContaining("transport = htpp");
		assertThatThrownBy(() -> ContainerAppsModel.typed(doc("""
				location: westeurope
				name: job
				type: Microsoft.App/jobs
				properties:
				  configuration: {triggerType: Schedule, replicaTimeout: 60,
				                  scheduleTriggerConfig: {cronExpresion: "* * * * *"}}
				  template: {containers: [{name: job, image: daca}]}
				"""))).hasMessageContaining("Missing required property cronExpression"); // the model's validate()
	}

	@Test
	void portsAndProbePathsAreTheOnesTheAppServes() throws IOException {
		assertThat(application.at("/management/endpoint/health/probes/enabled").asBoolean()).isTrue();
		String port = new Dockerfile(Dockerfile.read().runtimeStage().instructions()).env().get("SERVER_PORT");
		Set<String> probePaths = Set.of("/actuator/health/liveness", "/actuator/health/readiness");
		for (Manifests.Document d : all) {
			for (JsonNode container : containers(d)) {
				container.findValues("containerPort").forEach(p -> assertThat(p.asText()).as(d.file() + " port")
					.isEqualTo(port));
				container.findValues("httpGet").forEach(get -> {
					assertThat(get.path("path").asText()).as(d.file() + " probe").isIn(probePaths);
					if (get.has("port")) {
						assertThat(get.path("port").asText()).as(d.file() + " probe port").isEqualTo(port);
					}
				});
			}
			if (azure(d) && d.tree().at("/properties/configuration/ingress").isObject()) {
				JsonNode config = d.tree().at("/properties/configuration");
				assertThat(config.at("/ingress/targetPort").asText()).isEqualTo(port);
				assertThat(config.at("/dapr/appPort").asText()).isEqualTo(port);
			}
		}
	}

	@Test
	void profilesVariablesAndJobNamesExistInTheApp() throws IOException {
		Set<String> jobs = new HashSet<>();
		application.at("/daca/schedule/jobs").fieldNames().forEachRemaining(jobs::add);
		Set<String> knownDacaVariables = knownDacaVariables();
		Pattern runOnce = Pattern.compile("--daca\\.run-once=([\\w-]+)");
		for (Manifests.Document d : all) {
			for (JsonNode container : containers(d)) {
				for (JsonNode arg : container.path("args")) {
					Matcher m = runOnce.matcher(arg.asText());
					if (m.find()) {
						assertThat(m.group(1)).as(d.file() + " job").isIn(jobs);
					}
				}
				for (JsonNode var : container.path("env")) {
					checkVariable(d, var.path("name").asText(), var.path("value").asText(""), knownDacaVariables);
				}
			}
			if (d.kind().equals("v1/ConfigMap")) {
				d.tree().path("data").properties().forEach(e -> checkVariable(d, e.getKey(), e.getValue().asText(),
						knownDacaVariables));
			}
		}
	}

	@Test
	void acaSecretsAreReferencesNeverValues() {
		for (Manifests.Document d : all.stream().filter(ManifestTests::azure).toList()) {
			Set<String> secrets = new HashSet<>();
			for (JsonNode secret : d.tree().at("/properties/configuration/secrets")) {
				assertThat(secret.has("value")).as(d.file() + " secret " + secret.path("name") + " inline").isFalse();
				assertThat(secret.path("keyVaultUrl").asText()).startsWith("https://");
				secrets.add(secret.path("name").asText());
			}
			for (JsonNode container : containers(d)) {
				container.path("env").forEach(var -> {
					if (var.has("secretRef")) {
						assertThat(var.path("secretRef").asText()).as(d.file().toString()).isIn(secrets);
					}
				});
			}
			d.tree().findValues("auth").forEach(auth -> auth.forEach(a -> assertThat(
					a.path("secretRef").asText()).isIn(secrets)));
		}
	}

	/**
	 * Every container that serves HTTP (it has probes) runs as a deployment: embedded-default false, so the demo users
	 * and keys do not count and the machine endpoints need a login, and a way to log in whose secret part comes from a
	 * secret reference. The variables, bound as Spring binds the environment, give those properties.
	 */
	@Test
	void everyWebContainerSwitchesTheEmbeddedDefaultOffAndLogsInFromSecrets() {
		int web = 0;
		for (Manifests.Document d : all) {
			for (JsonNode container : containers(d)) {
				if (!container.has("probes") && !container.has("readinessProbe")) {
					continue;
				}
				web++;
				Map<String, String> env = new HashMap<>();
				Set<String> fromSecrets = new HashSet<>();
				boolean secretsByEnvFrom = false;
				for (JsonNode from : container.path("envFrom")) {
					String configMap = from.at("/configMapRef/name").asText("");
					all.stream().filter(c -> c.kind().equals("v1/ConfigMap") && c.name().equals(configMap))
						.forEach(c -> c.tree().path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText())));
					secretsByEnvFrom |= from.has("secretRef");
				}
				for (JsonNode var : container.path("env")) {
					String name = var.path("name").asText();
					if (var.has("secretRef") || var.has("valueFrom")) {
						fromSecrets.add(name);
						env.put(name, "{bcrypt}from-a-secret");
					}
					else {
						env.put(name, var.path("value").asText(""));
					}
				}
				String at = d.file() + " " + container.path("name").asText();
				env.keySet().stream().filter(name -> name.endsWith("_PASSWORD") || name.endsWith("_CLIENTSECRET"))
					.forEach(name -> assertThat(fromSecrets).as(at + ": " + name + " written inline").contains(name));
				Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
						"manifest-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new HashMap<String, Object>(env))));
				HitlSecurityProperties security = binder.bindOrCreate("daca.hitl.security", HitlSecurityProperties.class);
				assertThat(security.embeddedDefault()).as(at + ": DACA_HITL_SECURITY_EMBEDDEDDEFAULT").isFalse();
				Map<String, OAuth2ClientProperties.Registration> oidc = binder
					.bindOrCreate("spring.security.oauth2.client", OAuth2ClientProperties.class).getRegistration();
				boolean userWithSecretPassword = !security.users().isEmpty()
						&& security.users().stream().allMatch(u -> !u.roles().isEmpty())
						&& (fromSecrets.contains("DACA_HITL_SECURITY_USERS_0_PASSWORD") || secretsByEnvFrom);
				boolean oidcWithSecret = oidc.values().stream().anyMatch(r -> r.getClientSecret() != null)
						&& fromSecrets.stream().anyMatch(n -> n.endsWith("_CLIENTSECRET"));
				assertThat(userWithSecretPassword || oidcWithSecret).as(at + ": no way to log in from a secret").isTrue();
			}
		}
		assertThat(web).as("web containers in deploy/").isGreaterThanOrEqualTo(4);
	}

	@Test
	void kustomizationsNameOnlyResourcesThatExist() throws IOException {
		try (var files = Files.walk(Manifests.DEPLOY.resolve("k8s-knative"))) {
			for (Path kustomization : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml"))
				.toList()) {
				JsonNode k = Manifests.YAML.readTree(kustomization.toFile());
				assertThat(k.path("kind").asText()).isEqualTo("Kustomization");
				for (JsonNode resource : k.path("resources")) {
					Path target = kustomization.getParent().resolve(resource.asText()).normalize();
					assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
						.as(kustomization + " -> " + resource.asText())
						.isTrue();
				}
			}
		}
	}

	@Test
	void nothingThatCanScaleToZeroRunsCronOrHostsWorkflows() {
		assertThat(ScaleToZeroLint.findings(all)).isEmpty();
	}

	@Test
	void theLintFlagsCronWorkflowHostsAndDaprCronBindingsOnScaleToZero() throws IOException {
		List<Manifests.Document> bad = List.of(doc("""
				apiVersion: serving.knative.dev/v1
				kind: Service
				metadata: {name: front}
				spec:
				  template:
				    metadata: {annotations: {dapr.io/enabled: "true", dapr.io/app-id: front}}
				    spec: {containers: [{image: daca, env: [{name: SPRING_PROFILES_ACTIVE, value: "kafka,dapr"}]}]}
				"""), doc("""
				apiVersion: dapr.io/v1alpha1
				kind: Component
				metadata: {name: nightly}
				spec: {type: bindings.cron, version: v1, metadata: [{name: schedule, value: "@daily"}]}
				scopes: [front]
				"""));
		assertThat(ScaleToZeroLint.findings(bad)).hasSize(3)
			.anySatisfy(f -> assertThat(f).contains("front: can scale to zero but runs scheduled functions"))
			.anySatisfy(f -> assertThat(f).contains("workflow activities with min replicas 0"))
			.anySatisfy(f -> assertThat(f).contains("nightly: Dapr cron binding on front"));
	}

	private static Manifests.Document doc(String yaml) throws IOException {
		return new Manifests.Document(Path.of("inline.yaml"), Manifests.YAML.readTree(yaml));
	}

	private static void checkVariable(Manifests.Document d, String name, String value, Set<String> known) {
		if (name.equals("SPRING_PROFILES_ACTIVE")) {
			for (String profile : value.split(",")) {
				assertThat(Path.of("src/main/resources/application-" + profile.strip() + ".yml"))
					.as(d.file() + ": profile " + profile + " has no application-" + profile + ".yml")
					.exists();
			}
		}
		if (name.startsWith("DACA_")) {
			assertThat(name).as(d.file() + ": no property binds " + name).isIn(known);
		}
	}

	/** ${VAR} placeholders of application.yml and the relaxed names of the @ConfigurationProperties records. */
	private static Set<String> knownDacaVariables() throws IOException {
		Set<String> known = new HashSet<>();
		Matcher placeholder = Pattern.compile("\\$\\{(DACA_\\w+)")
			.matcher(Files.readString(Path.of("src/main/resources/application.yml")));
		while (placeholder.find()) {
			known.add(placeholder.group(1));
		}
		for (String property : List.of("daca.schedule.enabled", "daca.schedule.catch-up", "daca.triggers.key",
				"daca.moderation.lexicon-source", "daca.home.sweep.zone", "daca.hitl.retention", "daca.retention.scheduled-runs",
				"daca.hitl.security.embedded-default", "daca.hitl.security.users[0].name",
				"daca.hitl.security.users[0].password", "daca.hitl.security.users[0].roles[0]")) {
			known.add(environmentName(property));
		}
		return known;
	}

	/** Spring Boot's canonical environment form: dots and brackets to underscores, dashes dropped, upper case. */
	static String environmentName(String property) {
		return property.toUpperCase().replace('.', '_').replace('[', '_').replace("]", "").replace("-", "");
	}

	static boolean azure(Manifests.Document d) {
		return d.tree().path("type").asText().startsWith("Microsoft.App/");
	}

	static List<JsonNode> containers(Manifests.Document d) {
		List<JsonNode> containers = new ArrayList<>();
		d.tree().findValues("containers").forEach(list -> list.forEach(containers::add));
		return containers;
	}
}
