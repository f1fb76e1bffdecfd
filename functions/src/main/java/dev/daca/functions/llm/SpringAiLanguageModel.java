package dev.daca.functions.llm;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.daca.functions.engine.LanguageModel;
import dev.daca.functions.engine.LanguageModelUnavailable;
import dev.daca.functions.engine.LanguageModelUnavailable.Reason;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.util.JacksonUtils;
import org.springframework.retry.support.RetryTemplate;

/**
 * The {@link LanguageModel} port on Spring AI's {@link ChatClient}: structured output (the JSON schema of the answer
 * record goes along, as instructions or as {@code response_format}), a deadline per call, a {@link CallBudget}, and
 * every failure turned into {@link LanguageModelUnavailable} so that the function can fall back. With tools
 * ({@link #withTools}), the model may call them before it answers: Spring AI runs each tool call the model asks for and
 * sends the result back, all within the one deadline and the one budgeted call.
 */
final class SpringAiLanguageModel implements LanguageModel {

	private static final int MAX_NOTE = 200;

	/**
	 * Stricter than the schema-less default: a missing or unknown field is a schema mismatch. An explicit null is
	 * read as null, so optional fields of an answer record (a room, a temperature) may be null; a field that must not
	 * be null is refused by the record or its mapping, and the function falls back ("llm malformed").
	 */
	private static final ObjectMapper ANSWERS = JsonMapper.builder()
		.addModules(JacksonUtils.instantiateAvailableModules())
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
				DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
				DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final ChatClient chat;

	private final String name;

	private final Duration timeout;

	private final CallBudget budget;

	private final boolean nativeStructuredOutput;

	private final Map<Class<?>, BeanOutputConverter<?>> converters;

	private final Supplier<List<ToolCallback>> tools;

	SpringAiLanguageModel(ChatClient chat, String name, Duration timeout, CallBudget budget,
			boolean nativeStructuredOutput) {
		this(chat, name, timeout, budget, nativeStructuredOutput, new ConcurrentHashMap<>(), List::of);
	}

	private SpringAiLanguageModel(ChatClient chat, String name, Duration timeout, CallBudget budget,
			boolean nativeStructuredOutput, Map<Class<?>, BeanOutputConverter<?>> converters,
			Supplier<List<ToolCallback>> tools) {
		if (chat == null || name == null || name.isBlank() || timeout == null || timeout.isNegative()
				|| timeout.isZero() || budget == null) {
			throw new IllegalArgumentException("chat client, name, a positive timeout and a budget are required");
		}
		this.chat = chat;
		this.name = name;
		this.timeout = timeout;
		this.budget = budget;
		this.nativeStructuredOutput = nativeStructuredOutput;
		this.converters = converters;
		this.tools = tools;
	}

	/** The same model (client, deadline, shared budget) that may call these tools while answering. */
	SpringAiLanguageModel withTools(Supplier<List<ToolCallback>> tools) {
		return new SpringAiLanguageModel(chat, name, timeout, budget, nativeStructuredOutput, converters, tools);
	}

	/** A model on an OpenAI-compatible endpoint, one attempt per call (the deadline bounds it, the caller falls back). */
	static SpringAiLanguageModel openAi(OpenAiEndpoint endpoint, LanguageModelProperties properties,
			ObservationRegistry observations) {
		OpenAiApi api = OpenAiApi.builder()
			.baseUrl(endpoint.baseUrl())
			.apiKey(endpoint.apiKey().isEmpty() ? new NoopApiKey() : new SimpleApiKey(endpoint.apiKey()))
			.completionsPath(endpoint.completionsPath())
			.build();
		OpenAiChatModel chatModel = OpenAiChatModel.builder()
			.openAiApi(api)
			.defaultOptions(OpenAiChatOptions.builder().model(properties.model()).build())
			.retryTemplate(RetryTemplate.builder().maxAttempts(1).build())
			.observationRegistry(observations)
			.build();
		return new SpringAiLanguageModel(ChatClient.create(chatModel), properties.model(), properties.timeout(),
				new CallBudget(properties.maxInputChars(), properties.callsPerMinute()),
				properties.nativeStructuredOutput());
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public <A> A answer(String instructions, String input, Class<A> answerType) {
		if (instructions == null || input == null || answerType == null) {
			throw new IllegalArgumentException("instructions, input and answerType are required");
		}
		BeanOutputConverter<A> converter = converter(answerType);
		budget.spend(instructions.length() + input.length() + converter.getFormat().length());
		FutureTask<A> call = new FutureTask<>(() -> ask(instructions, input, converter));
		Thread.ofVirtual().name("llm-call").start(call);
		A answer;
		try {
			answer = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			call.cancel(true);
			throw new LanguageModelUnavailable(Reason.TIMEOUT, "no answer within " + timeout);
		}
		catch (InterruptedException ex) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			throw new LanguageModelUnavailable(Reason.ERROR, "interrupted while waiting for the answer", ex);
		}
		catch (ExecutionException ex) {
			throw unavailable(ex.getCause());
		}
		if (answer == null) {
			throw new LanguageModelUnavailable(Reason.MALFORMED, "empty answer");
		}
		return answer;
	}

	private <A> A ask(String instructions, String input, BeanOutputConverter<A> converter) {
		ChatClient.ChatClientRequestSpec request = chat.prompt().system(instructions).user(input);
		if (nativeStructuredOutput) {
			request = request.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT);
		}
		List<ToolCallback> callable = tools.get();
		if (!callable.isEmpty()) {
			request = request.toolCallbacks(callable);
		}
		return request.call().entity(converter);
	}

	@SuppressWarnings("unchecked")
	private <A> BeanOutputConverter<A> converter(Class<A> answerType) {
		return (BeanOutputConverter<A>) converters.computeIfAbsent(answerType,
				type -> new BeanOutputConverter<>(type, ANSWERS));
	}

	/** An answer that does not parse or fit the record is MALFORMED; anything else (HTTP, I/O, 4xx, 5xx) is ERROR. */
	static LanguageModelUnavailable unavailable(Throwable failure) {
		if (failure instanceof LanguageModelUnavailable unavailable) {
			return unavailable;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JsonProcessingException json) {
				return new LanguageModelUnavailable(Reason.MALFORMED, note(json.getOriginalMessage()), failure);
			}
		}
		return new LanguageModelUnavailable(Reason.ERROR,
				note(failure.getClass().getSimpleName() + ": " + failure.getMessage()), failure);
	}

	private static String note(String message) {
		String line = message == null ? "" : message.strip().replaceAll("\\s+", " ");
		return line.length() <= MAX_NOTE ? line : line.substring(0, MAX_NOTE) + "...";
	}
}
