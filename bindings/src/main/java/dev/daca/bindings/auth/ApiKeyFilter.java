package dev.daca.bindings.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with the configured key, as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}; anything else gets 401 with a {@code WWW-Authenticate: Bearer} challenge and a short
 * problem body. Keys are compared in constant time.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	static final String API_KEY_HEADER = "X-API-Key";

	private final byte[] key;

	private final String realm;

	ApiKeyFilter(String key, String realm) {
		this.key = key.getBytes(StandardCharsets.UTF_8);
		this.realm = realm;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (matches(presented(request))) {
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
		return presented != null && MessageDigest.isEqual(key, presented.getBytes(StandardCharsets.UTF_8));
	}
}
