package io.pxwizard.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (only reachable when px-wizard listens beyond loopback). */
@Controller
class LoginController {

	private final ObjectProvider<ClientRegistrationRepository> oidc;

	private final MessageSource messages;

	LoginController(ObjectProvider<ClientRegistrationRepository> oidc, MessageSource messages) {
		this.oidc = oidc;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login(Model model, HttpServletRequest request) {
		model.addAttribute("oidc", oidc.getIfAvailable() != null);
		// Why the identity provider's sign-in was refused (a missing claim, no group), in
		// words.
		HttpSession session = request.getSession(false);
		if (session != null && session
			.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof OAuth2AuthenticationException refused) {
			String code = refused.getError().getErrorCode();
			String description = (refused.getError().getDescription() != null) ? refused.getError().getDescription()
					: "";
			model.addAttribute("refused", messages.getMessage("login.refused." + code, description.split(" "),
					messages.getMessage("login.refused.other", new Object[] { code }, Locale.ENGLISH), Locale.ENGLISH));
		}
		return "login";
	}

}
