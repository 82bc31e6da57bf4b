package io.pxwizard.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientKindTests {

	@ParameterizedTest(name = "Accept: {0} -> html={1}")
	@CsvSource(delimiter = '|',
			value = { "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8 | true", "*/* | false",
					"text/plain | false", "'' | false", "application/json | false",
					"text/plain, text/html;q=0.5 | false", "text/html;q=0.9, text/plain;q=0.5 | true",
					"not a media type;;; | false", "text/html;q=0 | false" })
	void contentNegotiationDecidesPageOrText(String accept, boolean html) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (!accept.isEmpty()) {
			request.addHeader("Accept", accept);
		}
		assertThat(ClientKind.wantsHtml(request)).isEqualTo(html);
	}

}
