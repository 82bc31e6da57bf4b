package io.pxwizard.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Browser or script. A browser always asks for text/html; curl sends {@code Accept: *}{@code /*}, so it gets plain
 * text, as Spring Initializr answers curl.
 */
public final class ClientKind {

	private ClientKind() {
	}

	public static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("text/html");
	}

}
