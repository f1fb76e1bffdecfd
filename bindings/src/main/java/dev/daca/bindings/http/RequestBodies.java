package dev.daca.bindings.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads each request body once, up to {@code daca.http.max-body-bytes} (default 64 KiB), refusing a larger one with
 * 413 whether or not it declared its length; checks a function's input with {@link FunctionInputs} (400 naming the
 * field) before the function runtime converts it; and hands the body on, re-readable. Problems are RFC 7807 bodies.
 */
@Component
class RequestBodies extends OncePerRequestFilter {

	private final int limit;

	private final ObjectMapper json;

	private final FunctionInputs inputs;

	private final String functionsPath;

	RequestBodies(@Value("${daca.http.max-body-bytes:65536}") int limit, ObjectMapper json, FunctionInputs inputs,
			@Value("${spring.cloud.function.web.path:}") String functionsPath) {
		this.limit = limit;
		this.json = json;
		this.inputs = inputs;
		this.functionsPath = functionsPath + "/";
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (isForm(request) && declared >= 0 && declared <= limit) {
			// a form post (the review pages): let the container parse its fields, which it does from the stream;
			// reading the stream here first would leave the fields empty
			request.getParameterMap();
			chain.doFilter(request, response);
			return;
		}
		byte[] body = declared > limit ? null : request.getInputStream().readNBytes(limit + 1);
		if (body == null || body.length > limit) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"request body exceeds " + limit + " bytes");
			problem.setTitle("Request body too large");
			refuse(request, response, problem);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if ("POST".equals(request.getMethod()) && path.startsWith(functionsPath)) {
			var problem = inputs.problemWith(path.substring(functionsPath.length()), body);
			if (problem.isPresent()) {
				refuse(request, response, problem.get());
				return;
			}
		}
		chain.doFilter(new BufferedBody(request, body), response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		problem.setInstance(java.net.URI.create(request.getRequestURI()));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT)
			.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return switch (request.getMethod()) {
			case "POST", "PUT", "PATCH" -> false;
			default -> true;
		};
	}

	/** The request with its body already read. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() throws IOException {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) throws IOException {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					try {
						return in.available() == 0;
					}
					catch (IOException ex) {
						return true;
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous body");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}
	}
}
