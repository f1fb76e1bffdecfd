package dev.daca.bindings.auth;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The API keys on /mcp and /a2a: only when configured, and then only the right key passes. */
class ProtocolKeysTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(ProtocolKeys.class);

	@Test
	void theEmbeddedDefaultHasNoKeyAndNoGuard() {
		context.run(ctx -> assertThat(ctx).doesNotHaveBean(FilterRegistrationBean.class));
		context.withPropertyValues("daca.mcp.api-key=", "daca.a2a.api-key= ")
			.run(ctx -> assertThat(ctx).doesNotHaveBean(FilterRegistrationBean.class));
	}

	@Test
	void aConfiguredKeyGuardsItsEndpoint() {
		context.withPropertyValues("daca.mcp.api-key=s3cret").run(ctx -> {
			assertThat(ctx).hasBean("mcpApiKey").doesNotHaveBean("a2aApiKey");
			FilterRegistrationBean<?> guard = ctx.getBean("mcpApiKey", FilterRegistrationBean.class);
			assertThat(guard.getUrlPatterns()).containsExactlyInAnyOrder("/mcp", "/mcp/*");
		});
		context.withPropertyValues("daca.a2a.api-key=k")
			.run(ctx -> assertThat(ctx).hasBean("a2aApiKey").doesNotHaveBean("mcpApiKey"));
	}

	@Test
	void onlyTheRightKeyPasses() throws Exception {
		ApiKeyFilter filter = new ApiKeyFilter("s3cret", "mcp");
		assertThat(status(filter, null, null)).isEqualTo(401);
		assertThat(status(filter, "Bearer wrong", null)).isEqualTo(401);
		assertThat(status(filter, "Basic s3cret", null)).isEqualTo(401);
		assertThat(status(filter, null, "s3cre")).isEqualTo(401);
		assertThat(status(filter, "Bearer s3cret", null)).isEqualTo(200);
		assertThat(status(filter, "bearer s3cret", null)).isEqualTo(200);
		assertThat(status(filter, null, "s3cret")).isEqualTo(200);
	}

	@Test
	void aRefusalSaysHowToAuthenticate() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new ApiKeyFilter("s3cret", "mcp").doFilter(new MockHttpServletRequest("POST", "/mcp"), response,
				new MockFilterChain());
		assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"mcp\"");
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("Authorization: Bearer");
	}

	private static int status(ApiKeyFilter filter, String authorization, String apiKey) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/mcp");
		if (authorization != null) {
			request.addHeader("Authorization", authorization);
		}
		if (apiKey != null) {
			request.addHeader("X-API-Key", apiKey);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		return chain.getRequest() == null ? response.getStatus() : 200;
	}
}
