package dev.daca.hitl;

import dev.daca.hitl.decision.DecisionRefused;
import dev.daca.hitl.inbox.ReviewNotFound;
import dev.daca.hitl.inbox.TaskRefused;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The errors of the reviewer's pages, in one place, on the one {@code error.html}: bad input is 400 with what to fix,
 * an unknown (or not-yours) request 404, a refused task or decision 409 with who got there first.
 */
@ControllerAdvice(annotations = ReviewPage.class)
class ReviewPageErrors {

	@ExceptionHandler({ IllegalArgumentException.class, MissingServletRequestParameterException.class })
	ModelAndView badInput(Exception ex) {
		return page(HttpStatus.BAD_REQUEST, "That did not work", ex.getMessage());
	}

	@ExceptionHandler(ReviewNotFound.class)
	ModelAndView notFound(ReviewNotFound ex) {
		return page(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler({ DecisionRefused.class, TaskRefused.class })
	ModelAndView refused(RuntimeException ex) {
		return page(HttpStatus.CONFLICT, "Refused", ex.getMessage());
	}

	static ModelAndView page(HttpStatus status, String error, String message) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("error", error);
		page.addObject("message", message);
		return page;
	}
}
