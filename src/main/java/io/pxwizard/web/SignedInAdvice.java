package io.pxwizard.web;

import java.security.Principal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, for the header's sign-out button, and whether they may act: pages
 * show an operator's buttons and forms only to those who may use them.
 */
@ControllerAdvice
class SignedInAdvice {

	private final boolean loginRequired;

	SignedInAdvice(LoginPolicy policy, @Value("${server.address:}") String serverAddress) {
		this.loginRequired = policy.requiresLogin(serverAddress);
	}

	/** Everyone where no login is needed; operators where one is. */
	@ModelAttribute("canOperate")
	boolean canOperate(Authentication user) {
		return !loginRequired || Roles.isOperator(user);
	}

	@ModelAttribute("signedIn")
	String signedIn(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
