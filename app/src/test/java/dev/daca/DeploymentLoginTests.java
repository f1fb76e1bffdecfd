package dev.daca;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The app as deployed ({@code daca.hitl.security.embedded-default=false}, the deployment's own user from
 * {@code daca.hitl.security.users}), through the real filter chains: the demo users' public password opens nothing,
 * and the machine endpoints need a login.
 */
@SpringBootTest(properties = "daca.hitl.security.embedded-default=false")
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeploymentLoginTests {

	static final String PASSWORD = "rita-" + Long.toHexString(System.nanoTime());

	@DynamicPropertySource
	static void rita(DynamicPropertyRegistry registry) { // one list, one property source: all of rita's fields here
		registry.add("daca.hitl.security.users[0].name", () -> "rita");
		registry.add("daca.hitl.security.users[0].roles", () -> "REVIEWER");
		registry.add("daca.hitl.security.users[0].password", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aDemoUserCannotLogInButTheDeploymentsOwnUserCan() throws Exception {
		mvc.perform(formLogin("/login").user("alice").password("demo-review"))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		mvc.perform(formLogin("/login").user("admin").password("demo-review")).andExpect(unauthenticated());
		mvc.perform(formLogin("/login").user("rita").password(PASSWORD))
			.andExpect(authenticated().withUsername("rita").withRoles("REVIEWER"))
			.andExpect(redirectedUrl("/inbox"));
	}

	@Test
	void theMachineEndpointsNeedALoginAndTheDemoPasswordIsNotOne() throws Exception {
		String post = "{\"postId\": \"p-1\", \"text\": \"Lovely sunset at the beach tonight\"}";
		mvc.perform(post("/fn/classify").contentType(MediaType.APPLICATION_JSON).content(post))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/fn/classify").with(httpBasic("alice", "demo-review"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(post)).andExpect(status().isUnauthorized());
		MvcResult classified = mvc.perform(post("/fn/classify").with(httpBasic("rita", PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(post)).andReturn();
		if (classified.getRequest().isAsyncStarted()) { // the function's web endpoint may answer asynchronously
			classified = mvc.perform(asyncDispatch(classified)).andReturn();
		}
		assertThat(classified.getResponse().getStatus()).isEqualTo(200);
		assertThat(classified.getResponse().getContentAsString()).contains("\"label\":\"safe\"");
		mvc.perform(get("/api/reviews")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("rita", PASSWORD))).andExpect(status().isForbidden());
	}
}
