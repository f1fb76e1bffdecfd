package dev.daca.bindings.mcp;

import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.daca.functions.home.Command;
import dev.daca.functions.home.SensorReading;
import dev.daca.functions.moderation.Post;
import dev.daca.functions.recommendation.Product;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.recommendation.ShopperEvent;
import dev.daca.functions.triage.SymptomReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written MCP input schemas name exactly the fields of the records the functions read, and every field
 * has a description: a record that gains or loses a field fails here until its schema follows.
 */
class ToolSchemasTests {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void schemasNameExactlyTheRecordsFields() throws Exception {
		assertFields(schema("classify"), Post.class);
		assertFields(schema("diagnose"), SymptomReport.class);
		assertFields(schema("recommend"), ShopperActivity.class);
		assertFields(schema("recommend").path("properties").path("events").path("items"), ShopperEvent.class);
		assertFields(schema("recommend").path("properties").path("catalog").path("items"), Product.class);
		assertFields(schema("get_review"), McpTools.ReviewQuery.class);
		assertFields(schema("list_pending_reviews"), McpTools.PendingQuery.class);
		assertFields(schema("decide_review"), McpTools.DecisionRequest.class);
		Set<String> signal = new TreeSet<>(components(Command.class));
		signal.addAll(components(SensorReading.class));
		signal.add("signal");
		assertThat(names(schema("actuate"))).isEqualTo(signal);
	}

	@Test
	void everyPropertyIsDescribedAndRequiredOnesExist() throws Exception {
		for (String tool : List.of("classify", "diagnose", "recommend", "actuate", "request_review",
				"list_pending_reviews", "get_review", "decide_review")) {
			JsonNode schema = schema(tool);
			schema.path("properties").properties().forEach(p -> assertThat(p.getValue().path("description").asText())
				.as(tool + "." + p.getKey()).isNotBlank());
			schema.path("required").forEach(r -> assertThat(names(schema)).as(tool).contains(r.asText()));
		}
	}

	private static void assertFields(JsonNode schema, Class<? extends Record> type) {
		assertThat(names(schema)).as(type.getSimpleName()).isEqualTo(new TreeSet<>(components(type)));
	}

	private static Set<String> components(Class<? extends Record> type) {
		Set<String> names = new LinkedHashSet<>();
		Arrays.stream(type.getRecordComponents()).forEach(c -> names.add(c.getName()));
		return names;
	}

	private static Set<String> names(JsonNode schema) {
		Set<String> names = new TreeSet<>();
		schema.path("properties").fieldNames().forEachRemaining(names::add);
		return names;
	}

	private JsonNode schema(String tool) throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/mcp/schemas/" + tool + ".json")) {
			return json.readTree(in);
		}
	}
}
