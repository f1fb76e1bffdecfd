package dev.daca.bindings.http;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.daca.bindings.stream.UnexpectedEvent;
import dev.daca.functions.engine.InvalidInput;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP error as an RFC 7807/9457 problem ({@code application/problem+json}) with a message that says what to
 * fix, never a stack trace. Spring MVC's own errors (unreadable JSON, unknown path, wrong method, too large) come from
 * the base class; our domain's bad input and the function runtime's conversion failures are mapped here.
 */
@RestControllerAdvice
class FunctionProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(FunctionProblems.class);

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid input", ex.getMessage(), ex.errors());
	}

	@ExceptionHandler(UnexpectedEvent.class)
	ResponseEntity<ProblemDetail> unexpectedEvent(UnexpectedEvent ex) {
		return problem(HttpStatus.BAD_REQUEST, "Not an event this topic accepts", ex.getMessage(), List.of());
	}

	/**
	 * The function runtime wraps what went wrong while turning the body into the function's input type: unwrap it
	 * to the JSON or validation error underneath.
	 */
	@ExceptionHandler({ MessageConversionException.class, IllegalArgumentException.class,
			IllegalStateException.class, ClassCastException.class })
	ResponseEntity<ProblemDetail> conversion(RuntimeException ex) {
		Optional<InvalidInput> invalid = causeOf(ex, InvalidInput.class);
		if (invalid.isPresent()) {
			return invalidInput(invalid.get());
		}
		Optional<JsonProcessingException> json = causeOf(ex, JsonProcessingException.class);
		if (json.isPresent()) {
			return problem(HttpStatus.BAD_REQUEST, "Malformed JSON", json.get().getOriginalMessage(), List.of());
		}
		if (ex instanceof ClassCastException) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", "the body is not this function's input type",
					List.of());
		}
		if (ex instanceof MessageConversionException || ex instanceof IllegalArgumentException) {
			return problem(HttpStatus.BAD_REQUEST, "Invalid input", rootMessage(ex), List.of());
		}
		log.error("Unexpected failure", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"The request could not be completed; it has been logged.", List.of());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<String> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}

	private static <T extends Throwable> Optional<T> causeOf(Throwable ex, Class<T> type) {
		for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return Optional.of(type.cast(t));
			}
		}
		return Optional.empty();
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
	}
}
