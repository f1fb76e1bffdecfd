package dev.daca.bindings.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code daca.http.max-body-bytes} (default 64 KiB) with 413 before they are read, so an
 * oversize post cannot tie up a function or the heap. Bodies without a declared length are counted as they stream.
 */
@Component
class BodyLimit extends OncePerRequestFilter {

	private final long limit;

	BodyLimit(@Value("${daca.http.max-body-bytes:65536}") long limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
						+ "\"detail\":\"request body of " + declared + " bytes exceeds " + limit + " bytes\"}");
			return;
		}
		chain.doFilter(declared < 0 ? new LimitedRequest(request, limit) : request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	/** Counts bytes of a body sent without Content-Length and stops at the limit. */
	private static final class LimitedRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public jakarta.servlet.ServletInputStream getInputStream() throws IOException {
			jakarta.servlet.ServletInputStream in = super.getInputStream();
			return new jakarta.servlet.ServletInputStream() {
				private long read;

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b >= 0 && ++read > limit) {
						throw new BodyTooLarge(limit);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = in.read(buffer, off, len);
					if (n > 0 && (read += n) > limit) {
						throw new BodyTooLarge(limit);
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(jakarta.servlet.ReadListener listener) {
					in.setReadListener(listener);
				}
			};
		}
	}
}
