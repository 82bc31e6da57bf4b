package io.pxwizard.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A viewer who asks for an operator's action is told so in words: a page for a browser, a
 * line of text for htmx and scripts (which show it or print it). Nothing was done.
 */
final class OperatorsOnly implements AccessDeniedHandler {

	private final MessageSource messages;

	OperatorsOnly(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (SecurityConfiguration.HTMX_REQUESTS.matches(request) || !ClientKind.wantsHtml(request)) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.TEXT_PLAIN_VALUE + ";charset=UTF-8");
			response.getWriter().println(messages.getMessage("error.forbidden", null, Locale.ENGLISH));
			return;
		}
		// The error page says it (error.html, status 403).
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

}
