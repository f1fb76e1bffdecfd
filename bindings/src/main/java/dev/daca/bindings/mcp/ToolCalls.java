package dev.daca.bindings.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;

import dev.daca.bindings.http.FunctionInputErrors;
import dev.daca.functions.engine.InvalidInput;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

/**
 * Builds one MCP tool around a function: its input schema from {@code mcp/schemas/<name>.json}, the arguments read
 * into the function's input record by the application's own Jackson mapper (so JSON means the same as over HTTP and
 * on topics), and the result returned as structured content plus the same JSON as text. Bad arguments (wrong type,
 * missing field, a value the record refuses) become a tool result with {@code isError: true} that names the field,
 * never a protocol error or a stack trace.
 */
final class ToolCalls {

	private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

	/** What the tool promises the client (MCP tool annotations). */
	record Hints(boolean readOnly, boolean destructive, boolean idempotent, Boolean openWorld) {

		static final Hints READ_ONLY_LOCAL = new Hints(true, false, true, false);

		/** Read-only; may ask the configured LLM (an outside service) when the cheaper rungs are unsure. */
		static final Hints READ_ONLY_MAY_ASK_LLM = new Hints(true, false, true, true);

		ToolAnnotations annotations(String title) {
			return new ToolAnnotations(title, readOnly, destructive, idempotent, openWorld, null);
		}
	}

	private final ObjectMapper json;

	ToolCalls(ObjectMapper json) {
		this.json = json;
	}

	<I> SyncToolSpecification tool(String name, String title, String description, Hints hints, Class<I> input,
			boolean strict, Function<I, ?> call) {
		return tool(name, title, description, hints, input, strict, (context, arguments) -> call.apply(arguments));
	}

	/** A tool that needs to know who calls: the call gets the request's transport context (see McpTransport). */
	<I> SyncToolSpecification tool(String name, String title, String description, Hints hints, Class<I> input,
			boolean strict, BiFunction<McpTransportContext, I, ?> call) {
		McpSchema.Tool tool = McpSchema.Tool.builder()
			.name(name)
			.title(title)
			.description(description)
			.inputSchema(schema(name))
			.annotations(hints.annotations(title))
			.build();
		return new SyncToolSpecification(tool, (context, request) -> {
			I arguments;
			try {
				arguments = read(request.arguments(), input, strict);
			}
			catch (InvalidArguments ex) {
				return error(ex.getMessage());
			}
			try {
				return result(call.apply(context, arguments));
			}
			catch (InvalidInput ex) {
				return error(ex.getMessage());
			}
			catch (ToolFailure ex) {
				return error(ex.getMessage());
			}
			catch (RuntimeException ex) {
				log.error("MCP tool {} failed", name, ex);
				return error("the tool failed; it has been logged");
			}
		});
	}

	/** A tool's own refusal, shown to the caller as an error result. */
	static final class ToolFailure extends RuntimeException {

		ToolFailure(String message) {
			super(message);
		}
	}

	private static final class InvalidArguments extends Exception {

		InvalidArguments(String message) {
			super(message);
		}
	}

	private <I> I read(Map<String, Object> arguments, Class<I> type, boolean strict) throws InvalidArguments {
		try {
			byte[] body = json.writeValueAsBytes(arguments == null ? Map.of() : arguments);
			var reader = json.readerFor(type);
			return (strict ? reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) : reader).readValue(body);
		}
		catch (JsonMappingException ex) {
			throw new InvalidArguments("invalid arguments: " + FunctionInputErrors.describe(ex));
		}
		catch (IOException ex) {
			throw new InvalidArguments("invalid arguments: " + ex.getMessage());
		}
	}

	private CallToolResult result(Object value) {
		try {
			Object structured = json.convertValue(value, Object.class);
			return CallToolResult.builder()
				.structuredContent(structured)
				.addTextContent(json.writeValueAsString(structured))
				.isError(false)
				.build();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CallToolResult error(String message) {
		return CallToolResult.builder().content(List.of(new McpSchema.TextContent(message))).isError(true).build();
	}

	@SuppressWarnings("unchecked")
	private McpSchema.JsonSchema schema(String name) {
		try (InputStream in = new ClassPathResource("mcp/schemas/" + name + ".json").getInputStream()) {
			Map<String, Object> schema = json.readValue(in, Map.class);
			return new McpSchema.JsonSchema((String) schema.get("type"), (Map<String, Object>) schema.get("properties"),
					(List<String>) schema.get("required"), (Boolean) schema.get("additionalProperties"),
					(Map<String, Object>) schema.get("$defs"), (Map<String, Object>) schema.get("definitions"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no input schema mcp/schemas/" + name + ".json", ex);
		}
	}
}
