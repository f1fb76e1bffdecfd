package dev.daca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daca.functions.engine.Tier;
import dev.daca.functions.home.Command;
import dev.daca.functions.home.DeviceAction;
import dev.daca.functions.home.HomePlan;
import dev.daca.functions.home.HomeSignal;
import dev.daca.functions.recommendation.EventKind;
import dev.daca.functions.recommendation.Product;
import dev.daca.functions.recommendation.RecommendedItem;
import dev.daca.functions.recommendation.Recommendations;
import dev.daca.functions.recommendation.ShopperActivity;
import dev.daca.functions.recommendation.ShopperEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our functions as clients of other agents' protocols, in one context. MCP: the functions' model calls tools of
 * external MCP servers: a partner's device-control server (the official Python
 * SDK's FastMCP, {@code protocols/device_server.py}) offers {@code device_status}; the model (a stand-in on the
 * OpenAI wire format that really answers with {@code tool_calls}) asks for the front door's status before it plans.
 * Configured as shipped: {@code daca.mcp.client.servers.*} and {@code daca.llm.tools.<function>}. A second configured
 * server (catalog) is down throughout: the function that needs it falls back, the other's tools still work.
 * A2A: {@code recommend} asks a partner's agent (the official A2A Python SDK's server, {@code
 * protocols/partner_agent.py}) through our a2a-java client ({@code daca.a2a.partners.recommend}) and merges its items.
 */
@SpringBootTest
@ActiveProfiles("test")
class OutboundProtocolsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Seeded per run: the model can only know it from the device server's answer. */
	private static final String FIRMWARE = "fw-" + UUID.randomUUID();

	private static final Path CALLS = tempFile();

	private static final PythonClients.Server DEVICES = PythonClients.serve("device_server.py", Duration.ofSeconds(30),
			"{\"front-door\":{\"state\":\"unlocked\",\"battery\":0.8,\"firmware\":\"" + FIRMWARE + "\"}}",
			CALLS.toString());

	private static final Path PARTNER_CALLS = tempFile();

	/** The partner recommends products of the test catalog, and one it does not have. */
	private static final PythonClients.Server PARTNER = PythonClients.serve("partner_agent.py", Duration.ofSeconds(30),
			"[{\"productId\":\"T04\",\"score\":1.0,\"reason\":\"shoppers like you run\"},"
					+ "{\"productId\":\"T02\",\"score\":0.9,\"reason\":\"pairs with T01\"},"
					+ "{\"productId\":\"NOT-OURS\",\"score\":1.0,\"reason\":\"our bestseller\"}]",
			PARTNER_CALLS.toString());

	private static final List<Product> CATALOG = List.of(
			new Product("T01", "Trail running shoes", "fitness", "grippy shoes for muddy trails", null, 0.5),
			new Product("T02", "Running socks", "fitness", "thin breathable socks for runners", null, 0.4),
			new Product("T03", "Espresso beans", "coffee", "dark roast coffee beans", null, 0.9),
			new Product("T04", "Hydration vest", "fitness", "a vest with water bottles for long runs", null, 0.3));

	/** The model: asks for the door's status once, then locks it if the server says it is unlocked. */
	private static final ToolCallingModel MODEL = new ToolCallingModel(OutboundProtocolsTests::think);

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry properties) {
		properties.add("spring.ai.openai.base-url", MODEL::baseUrl);
		properties.add("spring.ai.openai.api-key", () -> "test-key");
		properties.add("daca.llm.escalate-below.default", () -> "0.0");
		properties.add("daca.llm.escalate-below.actuate", () -> "1.0");
		properties.add("daca.llm.escalate-below.recommend", () -> "1.0");
		properties.add("daca.llm.tools.actuate", () -> "device_status");
		properties.add("daca.llm.tools.recommend", () -> "catalog_search");
		properties.add("daca.mcp.client.servers.devices.url", DEVICES::url);
		properties.add("daca.mcp.client.servers.catalog.url", () -> "http://127.0.0.1:" + PythonClients.freePort());
		properties.add("daca.mcp.client.request-timeout", () -> "PT3S");
		properties.add("daca.a2a.partners.recommend", PARTNER::url);
	}

	@AfterAll
	static void stopServers() {
		DEVICES.close();
		PARTNER.close();
		MODEL.close();
	}

	@Autowired
	@Qualifier(HomePlan.FUNCTION)
	Function<HomeSignal, HomePlan> actuate;

	@Autowired
	@Qualifier(Recommendations.FUNCTION)
	Function<ShopperActivity, Recommendations> recommend;

	@Test
	void theModelCallsTheDeviceServersToolAndPlansOnItsAnswer() throws IOException {
		int before = MODEL.requests().size();

		HomePlan plan = actuate.apply(new Command("h-1", "make sure the front door is secure", "owner"));

		List<JsonNode> requests = MODEL.requests().subList(before, MODEL.requests().size());
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).path("tools").findValuesAsText("name")).containsExactly("device_status");
		assertThat(Files.readAllLines(CALLS)).containsExactly(
				"{\"tool\": \"device_status\", \"arguments\": {\"device_id\": \"front-door\"}}");
		JsonNode result = ToolCallingModel.toolResult(requests.get(1), "call-door");
		assertThat(result).isNotNull();
		assertThat(result.asText()).contains("unlocked", FIRMWARE);
		assertThat(plan.decidedBy().tier()).as(plan.toString()).isEqualTo(Tier.LLM);
		assertThat(plan.decidedBy().fallback()).isNull();
		assertThat(plan.actions()).extracting(DeviceAction::action, DeviceAction::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("lock", "door/front"));
	}

	@Test
	void aToolOnAServerThatIsDownMakesTheFunctionFallBackWithoutAskingTheModel() {
		int before = MODEL.requests().size();

		Recommendations recommendations = recommend.apply(new ShopperActivity("u-1",
				List.of(new ShopperEvent("C03", EventKind.BOUGHT, null)), 2, null));

		assertThat(MODEL.requests()).hasSize(before);
		assertThat(recommendations.decidedBy().tier()).isNotEqualTo(Tier.LLM);
		assertThat(recommendations.decidedBy().fallback()).as(recommendations.toString()).contains("catalog_search", "offered by no tool provider");
		assertThat(recommendations.items()).isNotEmpty();
	}

	@Test
	void recommendAsksThePartnersAgentOverA2aAndMergesItsItems() throws IOException {
		int sent = Files.readAllLines(PARTNER_CALLS).size();

		Recommendations merged = recommend.apply(shopper("u-2"));

		List<String> calls = Files.readAllLines(PARTNER_CALLS);
		assertThat(calls).hasSize(sent + 1);
		JsonNode call = JSON.readTree(calls.getLast());
		assertThat(call.path("metadata").path("skill").asText()).isEqualTo("recommend");
		assertThat(call.path("data").get(0).path("userId").asText()).isEqualTo("u-2");
		assertThat(call.path("data").get(0).path("events").get(0).path("productId").asText()).isEqualTo("T01");
		assertThat(merged.items()).hasSize(2);
		assertThat(merged.items()).extracting(RecommendedItem::productId).doesNotContain("T01", "NOT-OURS");
		// of the three candidates, two are kept and the partner named two: at least one kept item carries its reason
		assertThat(merged.items()).flatExtracting(RecommendedItem::reasons)
			.anySatisfy(reason -> assertThat(reason).startsWith("partner agent " + PARTNER.url() + " recommends it: "));
		merged.items().stream().filter(item -> item.productId().equals("T03"))
			.forEach(item -> assertThat(item.reasons()).noneMatch(reason -> reason.contains("partner")));
	}

	@Test
	void aPartnerThatFailsLeavesOurRecommendationsAsTheyAre() throws IOException {
		int sent = Files.readAllLines(PARTNER_CALLS).size();

		Recommendations ours = recommend.apply(shopper("fail-1"));

		assertThat(Files.readAllLines(PARTNER_CALLS)).hasSize(sent + 1);
		assertThat(ours.items()).hasSize(2);
		assertThat(ours.items()).flatExtracting(RecommendedItem::reasons).noneMatch(reason -> reason.contains("partner"));
	}

	private static ShopperActivity shopper(String userId) {
		return new ShopperActivity(userId, List.of(new ShopperEvent("T01", EventKind.BOUGHT, null)), 2, CATALOG);
	}

	private static Map<String, Object> think(JsonNode request) {
		JsonNode status = ToolCallingModel.toolResult(request, "call-door");
		if (status == null) {
			return ToolCallingModel.toolCall("call-door", "device_status", Map.of("device_id", "front-door"));
		}
		// celsius is not null only because the strict answer parser refuses a null field (reported, not changed here)
		String steps = state(status).equals("unlocked")
				? "[{\"verb\":\"lock\",\"device\":\"door\",\"room\":\"front\",\"celsius\":0}]" : "[]";
		return ToolCallingModel.answer("{\"steps\":" + steps + "}");
	}

	/** The device's state in a tool result: Spring AI sends the MCP content list, whose text is the tool's JSON. */
	private static String state(JsonNode toolResult) {
		try {
			JsonNode content = JSON.readTree(toolResult.asText());
			JsonNode device = JSON.readTree(content.isArray() ? content.get(0).path("text").asText() : content.toString());
			return device.path("state").asText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempFile() {
		try {
			return Files.createTempFile("daca-mcp-calls", ".jsonl");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
