package io.pxwizard.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (only reachable when px-wizard listens beyond loopback). */
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
		this.oidc = oidc;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request) {
		model.addAttribute("oidc", oidc.getIfAvailable() != null);
		// Why the identity provider's sign-in was refused (a missing claim, no group), in
		// words.
		HttpSession session = request.getSession(false);
		if (session != null && session
			.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof OAuth2AuthenticationException refused) {
			model.addAttribute("refused", refused.getError().getDescription());
		}
		return "login";
	}

}
