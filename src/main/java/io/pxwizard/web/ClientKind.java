package io.pxwizard.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Browser or script, by content negotiation: a page for a client that prefers HTML to
 * plain text, plain text for one that does not. curl sends {@code Accept: *}{@code /*}
 * (no preference), so it gets plain text, as Spring Initializr answers curl.
 */
public final class ClientKind {

	private ClientKind() {
	}

	public static boolean wantsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept == null || accept.isBlank()) {
			return false;
		}
		try {
			List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
			accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
			// The first concrete type the client ranks highest decides; wildcards state
			// no preference.
			for (MediaType type : accepted) {
				if (type.getQualityValue() == 0 || type.isWildcardType() || type.isWildcardSubtype()) {
					continue;
				}
				if (type.isCompatibleWith(MediaType.TEXT_HTML)
						|| type.isCompatibleWith(MediaType.APPLICATION_XHTML_XML)) {
					return true;
				}
				if (type.isCompatibleWith(MediaType.TEXT_PLAIN)) {
					return false;
				}
			}
			return false;
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
