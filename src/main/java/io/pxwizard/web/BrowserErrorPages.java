package io.pxwizard.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A browser that asks for a page that is not there (an unknown run, a bad parameter) gets
 * px-wizard's error page in words; scripts keep the RFC 9457 problem details. Spring
 * writes problem details as JSON whatever the client accepts, so without this a browser
 * showed raw JSON.
 */
@Component
class BrowserErrorPages implements HandlerExceptionResolver, Ordered {

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception failure) {
		if (!(failure instanceof ErrorResponse error) || response.isCommitted() || !ClientKind.wantsHtml(request)) {
			return null;
		}
		try {
			// The container forwards to /error, whose page is error.html.
			response.sendError(error.getStatusCode().value());
			return new ModelAndView();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Right after Boot's error attributes, which keep the failure for the error page. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
