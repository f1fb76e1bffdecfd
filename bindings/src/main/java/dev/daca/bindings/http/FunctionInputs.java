package dev.daca.bindings.http;

import java.lang.reflect.Type;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.cloud.function.context.FunctionCatalog;
import org.springframework.cloud.function.context.catalog.SimpleFunctionRegistry.FunctionInvocationWrapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Checks a function's HTTP input against the function's own input type before the function runtime sees it. The
 * runtime is lenient (a body it cannot convert reaches the function as a raw string); here a malformed body, a missing
 * field, a wrong type or a value the record refuses becomes a 400 problem that names the field.
 */
@Component
class FunctionInputs {

	private final FunctionCatalog catalog;

	private final ObjectMapper json;

	FunctionInputs(FunctionCatalog catalog, ObjectMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	/** The problem with this body as input to {@code function}, if any; unknown functions are left to the router. */
	Optional<ProblemDetail> problemWith(String function, byte[] body) {
		FunctionInvocationWrapper target = catalog.lookup(function);
		if (target == null || target.getInputType() == null) {
			return Optional.empty();
		}
		Type type = target.getInputType();
		try {
			json.readerFor(json.constructType(type)).readValue(body);
			return Optional.empty();
		}
		catch (JsonMappingException ex) {
			return Optional.of(problem("Invalid input", FunctionInputErrors.describe(ex)));
		}
		catch (JsonProcessingException ex) {
			return Optional.of(problem("Malformed JSON", ex.getOriginalMessage().lines().findFirst().orElse("not JSON")));
		}
		catch (java.io.IOException ex) {
			return Optional.of(problem("Malformed JSON", String.valueOf(ex.getMessage())));
		}
	}

	private static ProblemDetail problem(String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle(title);
		return problem;
	}
}
