package io.pxwizard.wizard;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

@WizardWebTest
class FinishControllerTests {

	private static final String SEED_SPEC = "/spec/2.8?" + Specs.SEED_QUERY;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void seedSpecOpenedColdShowsTheTwoCommandsWithCopyButtons() {
		assertThat(mvc.get().uri(SEED_SPEC).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(HtmlUtils.htmlEscape(Specs.SEED_OPERATOR_COMMAND))
			.contains(HtmlUtils.htmlEscape(Specs.SEED_SPEC_COMMAND))
			.contains("data-copy=\"cmd-1\"", "data-copy=\"cmd-2\"", ">Copy</button>")
			.contains("kubectl -n kube-system get pods", "kubectl -n kube-system get storagecluster");
	}

	@Test
	void curlGetsJustTheCommandsOneALine() {
		assertThat(mvc.get().uri(SEED_SPEC).header("User-Agent", "curl/8.5.0").accept(MediaType.ALL)).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.TEXT_PLAIN)
			.hasBodyTextEqualTo(Specs.SEED_OPERATOR_COMMAND + "\n" + Specs.SEED_SPEC_COMMAND + "\n");
		assertThat(mvc.get().uri(SEED_SPEC).accept(MediaType.TEXT_PLAIN)).hasStatusOk()
			.hasBodyTextEqualTo(Specs.SEED_OPERATOR_COMMAND + "\n" + Specs.SEED_SPEC_COMMAND + "\n");
	}

	@Test
	void curlGetsProblemsAsTextWithA400() {
		assertThat(
				mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY.replace("user=152f", "user=zz2f")).accept(MediaType.ALL))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasBodyTextEqualTo("user: An Essentials ID is a UUID such as 152f6083-a52f-11ea-97e6-f6e09c7a4e5e.\n");
	}

	@Test
	void withoutTheOperatorThePageSaysWhatItCannotDo() {
		assertThat(mvc.get().uri(SEED_SPEC.replace("operator=true&", "")).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("legacy DaemonSet install")
			.contains("Apply and Status need the operator")
			.doesNotContain("comp=pxoperator");
	}

	@Test
	void malformedEssentialsIdShowsTheBasicPageWithItsMessage() {
		assertThat(mvc.get()
			.uri("/spec/2.8?" + Specs.SEED_QUERY.replace("user=152f", "user=zz2f"))
			.accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasViewName("wizard/basic")
			.bodyText()
			.contains("An Essentials ID is a UUID");
	}

	@Test
	void unknownVersionShowsTheBasicPage() {
		assertThat(mvc.get().uri("/spec/1.0?" + Specs.SEED_QUERY).accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasViewName("wizard/basic")
			.bodyText()
			.contains("Portworx version 1.0 is not offered");
	}

	@Test
	void badDevicePathShowsTheStoragePage() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY + "&s=/etc/passwd").accept(MediaType.TEXT_HTML))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasViewName("wizard/storage")
			.bodyText()
			.contains("&quot;/etc/passwd&quot; is not a device path such as /dev/sdb.");
	}

	@Test
	void unknownParameterValueShowsThePageOfItsField() {
		assertThat(mvc.get()
			.uri(SEED_SPEC.replace("stork=true", "stork=<script>alert(1)</script>"))
			.accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.BAD_REQUEST)
			.hasViewName("wizard/customize")
			.bodyText()
			.contains("Unknown value for stork")
			.doesNotContain("<script>alert(1)");
	}

	@Test
	void typedTextIsEscapedOnThePageAndEncodedInTheCommand() {
		String url = SEED_SPEC + "&e={e}";
		assertThat(mvc.get().uri(url, "MSG=<b>it's</b> $(id)").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.doesNotContain("<b>it")
			.contains("&amp;e=MSG%3D%3Cb%3Eit%27s%3C%2Fb%3E%20%24%28id%29&amp;promop=true&#39;");
	}

}
