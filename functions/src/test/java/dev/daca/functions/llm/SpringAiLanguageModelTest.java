package dev.daca.functions.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.LanguageModelUnavailable;
import dev.daca.functions.engine.LanguageModelUnavailable.Reason;
import dev.daca.functions.llm.OpenAiCompatibleServer.Received;
import dev.daca.functions.llm.OpenAiCompatibleServer.Reply;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpringAiLanguageModelTest {

	static final String INSTRUCTIONS = "Classify the sentiment of the customer's message.";

	/** A small answer record, validated like the functions' own. */
	record Sentiment(String label, double confidence, String reason) {

		Sentiment {
			if (label == null || !List.of("positive", "neutral", "negative").contains(label)) {
				throw new IllegalArgumentException("label must be positive, neutral or negative: " + label);
			}
			if (confidence < 0 || confidence > 1) {
				throw new IllegalArgumentException("confidence must be within [0, 1]: " + confidence);
			}
		}
	}

	@RegisterExtension
	final OpenAiCompatibleServer server = new OpenAiCompatibleServer();

	static LanguageModelProperties properties(Duration timeout, int maxInputChars, int callsPerMinute,
			boolean nativeStructuredOutput) {
		return new LanguageModelProperties(null, "gpt-4o-mini", timeout, maxInputChars, callsPerMinute,
				nativeStructuredOutput, Map.of(), Map.of());
	}

	LanguageModel model(LanguageModelProperties properties) {
		return SpringAiLanguageModel.openAi(new OpenAiEndpoint(server.baseUrl(), "test-key", null), properties,
				ObservationRegistry.NOOP);
	}

	LanguageModel model() {
		return model(properties(Duration.ofSeconds(5), 12_000, 60, false));
	}

	@Test
	void aStructuredAnswerBecomesTheRecordAndTheRequestCarriesMessagesAndSchema() {
		server.then(Reply.answer("{\"label\":\"negative\",\"confidence\":0.82,\"reason\":\"the parcel {box} was late\"}"));
		String input = "My parcel {box} arrived two weeks late and nobody answered my emails.";

		Sentiment answer = model().answer(INSTRUCTIONS, input, Sentiment.class);

		assertThat(answer).isEqualTo(new Sentiment("negative", 0.82, "the parcel {box} was late"));
		Received request = single();
		assertThat(request.path()).isEqualTo("/v1/chat/completions");
		assertThat(request.authorization()).isEqualTo("Bearer test-key");
		assertThat(request.body().path("model").asText()).isEqualTo("gpt-4o-mini");
		assertThat(request.body().path("stream").asBoolean(false)).isFalse();
		List<JsonNode> messages = request.messages();
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
		assertThat(messages.get(0).path("content").asText()).isEqualTo(INSTRUCTIONS);
		assertThat(messages.get(1).path("role").asText()).isEqualTo("user");
		String user = messages.get(1).path("content").asText();
		assertThat(user).startsWith(input).contains("JSON Schema");
		assertThat(user).contains("\"label\"", "\"confidence\"", "\"reason\"", "\"required\"",
				"\"additionalProperties\" : false");
	}

	@Test
	void anAnswerInAMarkdownFenceStillParses() {
		server.then(Reply.answer("```json\n{\"label\":\"positive\",\"confidence\":0.9,\"reason\":\"thanks\"}\n```"));

		assertThat(model().answer(INSTRUCTIONS, "Thank you, it works!", Sentiment.class).label()).isEqualTo("positive");
	}

	@Test
	void nativeStructuredOutputSendsTheSchemaAsResponseFormat() {
		server.then(Reply.answer("{\"label\":\"neutral\",\"confidence\":0.6,\"reason\":\"a question\"}"));

		Sentiment answer = model(properties(Duration.ofSeconds(5), 12_000, 60, true)).answer(INSTRUCTIONS,
				"When do you open?", Sentiment.class);

		assertThat(answer.label()).isEqualTo("neutral");
		JsonNode body = single().body();
		assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_schema");
		assertThat(body.path("response_format").path("json_schema").path("schema").path("properties").has("label"))
			.isTrue();
		assertThat(single().messages().get(1).path("content").asText()).isEqualTo("When do you open?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "I think the customer is rather unhappy.", "{\"sentiment\":\"negative\"}",
			"{\"label\":\"negative\",\"confidence\":0.8}",
			"{\"label\":\"negative\",\"confidence\":0.8,\"reason\":\"late\",\"extra\":1}",
			"{\"label\":\"furious\",\"confidence\":0.8,\"reason\":\"late\"}",
			"{\"label\":\"negative\",\"confidence\":7,\"reason\":\"late\"}",
			"{\"label\":\"negative\",\"confidence\":\"high\",\"reason\":\"late\"}", "" })
	void anAnswerThatDoesNotParseOrFitTheSchemaIsMalformed(String content) {
		server.then(Reply.answer(content));

		assertThat(failure(model(), "It was late.").reason()).isEqualTo(Reason.MALFORMED);
		assertThat(server.received()).hasSize(1);
	}

	@Test
	void aSlowAnswerTimesOutWithoutWaitingForIt() {
		server.then(Reply.slow("{\"label\":\"neutral\",\"confidence\":0.5,\"reason\":\"slow\"}", Duration.ofSeconds(20)));
		LanguageModel model = model(properties(Duration.ofMillis(300), 12_000, 60, false));
		long started = System.nanoTime();

		LanguageModelUnavailable failure = failure(model, "Hello?");

		assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
		assertThat(failure.fallbackNote()).isEqualTo("llm timeout: no answer within PT0.3S");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 429, 401, 503 })
	void anHttpErrorIsAnErrorAndIsNotRetried(int status) {
		server.then(Reply.status(status)).then(Reply.status(status)).then(Reply.status(status));

		LanguageModelUnavailable failure = failure(model(), "Hello?");

		assertThat(failure.reason()).isEqualTo(Reason.ERROR);
		assertThat(failure.getMessage()).contains(String.valueOf(status));
		assertThat(server.received()).hasSize(1);
	}

	@Test
	void anUnreachableEndpointIsAnError() {
		LanguageModel model = SpringAiLanguageModel.openAi(new OpenAiEndpoint("http://127.0.0.1:1", "", null),
				properties(Duration.ofSeconds(5), 12_000, 60, false), ObservationRegistry.NOOP);

		assertThat(failure(model, "Hello?").reason()).isEqualTo(Reason.ERROR);
	}

	@Test
	void aPromptOverTheCharacterBudgetIsRefusedWithoutACall() {
		LanguageModel model = model(properties(Duration.ofSeconds(5), 2_000, 60, false));

		LanguageModelUnavailable failure = failure(model, "long ".repeat(400));

		assertThat(failure.reason()).isEqualTo(Reason.BUDGET);
		assertThat(failure.getMessage()).contains("exceeds 2000 chars");
		assertThat(server.received()).isEmpty();
	}

	@Test
	void callsOverThePerMinuteBudgetAreRefusedWithoutACall() {
		String good = "{\"label\":\"neutral\",\"confidence\":0.5,\"reason\":\"ok\"}";
		server.then(Reply.answer(good)).then(Reply.answer(good)).then(Reply.answer(good));
		LanguageModel model = model(properties(Duration.ofSeconds(5), 12_000, 2, false));

		model.answer(INSTRUCTIONS, "one", Sentiment.class);
		model.answer(INSTRUCTIONS, "two", Sentiment.class);
		LanguageModelUnavailable failure = failure(model, "three");

		assertThat(failure.reason()).isEqualTo(Reason.BUDGET);
		assertThat(failure.fallbackNote()).isEqualTo("llm budget: all 2 calls per minute are spent");
		assertThat(server.received()).hasSize(2);
	}

	@Test
	void aBaseUrlThatNamesTheVersionGetsOnlyChatCompletionsAppended() {
		try (OpenAiCompatibleServer gemini = new OpenAiCompatibleServer("/v1beta/openai")) {
			gemini.then(Reply.answer("{\"label\":\"positive\",\"confidence\":0.7,\"reason\":\"nice\"}"));
			LanguageModel model = SpringAiLanguageModel.openAi(
					new OpenAiEndpoint(gemini.baseUrl() + "/v1beta/openai/", "k", null),
					properties(Duration.ofSeconds(5), 12_000, 60, false), ObservationRegistry.NOOP);

			assertThat(model.answer(INSTRUCTIONS, "Nice!", Sentiment.class).label()).isEqualTo("positive");
			assertThat(gemini.received().get(0).path()).isEqualTo("/v1beta/openai/chat/completions");
		}
	}

	@Test
	void withoutAKeyNoAuthorizationIsSent() {
		server.then(Reply.answer("{\"label\":\"positive\",\"confidence\":0.7,\"reason\":\"nice\"}"));
		LanguageModel model = SpringAiLanguageModel.openAi(new OpenAiEndpoint(server.baseUrl(), "", null),
				properties(Duration.ofSeconds(5), 12_000, 60, false), ObservationRegistry.NOOP);

		model.answer(INSTRUCTIONS, "Nice!", Sentiment.class);

		assertThat(single().authorization()).isNull();
	}

	@Test
	void missingArgumentsAreRejected() {
		assertThatThrownBy(() -> model().answer(null, "x", Sentiment.class))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private Received single() {
		assertThat(server.received()).hasSize(1);
		return server.received().get(0);
	}

	private static LanguageModelUnavailable failure(LanguageModel model, String input) {
		LanguageModelUnavailable failure = catchThrowableOfType(LanguageModelUnavailable.class,
				() -> model.answer(INSTRUCTIONS, input, Sentiment.class));
		assertThat(failure).as("expected LanguageModelUnavailable").isNotNull();
		return failure;
	}
}
