package dev.daca.bindings.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.daca.hitl.security.Reviewer;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with a known key, as {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}:
 * the shared key, or a reviewer's key (the request then carries that {@link Reviewer} in the
 * attribute {@link ReviewerKeys#REVIEWER}). Without a shared key (the embedded default) a request with no key goes
 * through as nobody in particular; a key that is sent but unknown is always refused. A refusal is 401 with a
 * {@code WWW-Authenticate: Bearer} challenge and a short problem body. Keys are compared in constant time.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	static final String API_KEY_HEADER = "X-API-Key";

	private final byte[] key;

	private final ReviewerKeys reviewers;

	private final String realm;

	ApiKeyFilter(String key, String realm) {
		this(key, null, realm);
	}

	/** {@code key} null: callers without a key are let in; {@code reviewers} null: no reviewer keys. */
	ApiKeyFilter(String key, ReviewerKeys reviewers, String realm) {
		this.key = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
		this.reviewers = reviewers;
		this.realm = realm;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presented(request);
		Optional<Reviewer> reviewer = presented == null || reviewers == null ? Optional.empty()
				: reviewers.find(presented);
		reviewer.ifPresent(caller -> request.setAttribute(ReviewerKeys.REVIEWER, caller));
		if (reviewer.isPresent() || (presented == null ? key == null : matches(presented))) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm + "\"");
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"send Authorization: Bearer <key> or "
					+ API_KEY_HEADER + ": <key>\"}");
	}

	private static String presented(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).trim();
		}
		return request.getHeader(API_KEY_HEADER);
	}

	private boolean matches(String presented) {
		return key != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
	}
}
