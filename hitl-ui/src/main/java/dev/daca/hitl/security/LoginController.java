package dev.daca.hitl.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: the form, and a button per identity provider when OIDC is configured. */
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String login(Model model) {
		List<String> registrations = new ArrayList<>();
		if (oidc.getIfAvailable() instanceof Iterable<?> all) {
			for (Object registration : all) {
				registrations.add(((ClientRegistration) registration).getRegistrationId());
			}
		}
		model.addAttribute("registrations", registrations);
		return "login";
	}
}
