package io.pxwizard.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.pxwizard.cluster.ClusterInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The finish page of a spec URL, rendered once and served again with only what differs
 * per request put in: the CSRF token. A spec URL always shows the same page (the
 * commands, the manifests, the forms); rendering it costs about ten times copying it
 * (bench/README.md, row 1). Everything else the page shows is in the key; a page with
 * flash messages is not cached.
 */
@Component
class FinishPages {

	private static final int PAGES = 256;

	/**
	 * Stands for the request's CSRF token in a cached page; random, so no spec can hold
	 * it.
	 */
	private final String placeholder = "csrf-" + UUID.randomUUID();

	private final Map<Key, String> pages = new LinkedHashMap<>(PAGES, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Key, String> eldest) {
			return size() > PAGES;
		}
	};

	/**
	 * What a finish page depends on.
	 *
	 * @param uri the path, with the context path
	 * @param query the spec URL's query, as sent
	 * @param baseUrl where the commands point the cluster
	 * @param cluster the connected cluster in the header, or {@code null}
	 * @param signedIn the signed-in user in the header, or {@code null}
	 * @param canOperate whether the page shows an operator's forms
	 * @param locale the page's language
	 */
	record Key(String uri, String query, String baseUrl, ClusterInfo cluster, String signedIn, boolean canOperate,
			Locale locale) {
	}

	/**
	 * The page for a key: served from the cache, or rendered by {@code page} and kept.
	 */
	View view(Key key, View page) {
		return new View() {
			@Override
			public String getContentType() {
				return page.getContentType();
			}

			@Override
			public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
					throws Exception {
				CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
				String html = cached(key);
				if (html == null) {
					html = renderWithPlaceholder(page, model, request, response, token);
					keep(key, html);
				}
				write(response, (token != null) ? html.replace(placeholder, token.getToken()) : html);
			}
		};
	}

	/** Whether the page for a key is kept: then its model need not be built. */
	synchronized boolean has(Key key) {
		return pages.containsKey(key);
	}

	synchronized int size() {
		return pages.size();
	}

	private synchronized String cached(Key key) {
		return pages.get(key);
	}

	private synchronized void keep(Key key, String html) {
		pages.put(key, html);
	}

	private String renderWithPlaceholder(View page, Map<String, ?> model, HttpServletRequest request,
			HttpServletResponse response, CsrfToken token) throws Exception {
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		page.render(model, (token != null) ? new PlaceholderToken(request, token) : request, capture);
		return new String(capture.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static void write(HttpServletResponse response, String html) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** The request as the template sees it, its CSRF token being the placeholder. */
	private final class PlaceholderToken extends HttpServletRequestWrapper {

		private final CsrfToken token;

		PlaceholderToken(HttpServletRequest request, CsrfToken real) {
			super(request);
			this.token = new DefaultCsrfToken(real.getHeaderName(), real.getParameterName(), placeholder);
		}

		@Override
		public Object getAttribute(String name) {
			Object value = super.getAttribute(name);
			return (value instanceof CsrfToken) ? token : value;
		}

	}

}
