package io.pxwizard.savedspec;

import java.util.UUID;

import io.pxwizard.model.Specs;
import io.pxwizard.web.WizardWebTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@WizardWebTest
class SavedSpecControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SavedSpecRepository specs;

	@Test
	void saveFromTheFinishPageThenListOpenRenameAndDelete() {
		String name = "lab " + UUID.randomUUID();
		MvcTestResult saved = mvc.post()
			.uri("/specs")
			.with(csrf())
			.param("name", "  " + name + "  ")
			.param("version", "2.8")
			.param("query", Specs.SEED_QUERY)
			.exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		String page = saved.getResponse().getRedirectedUrl();
		assertThat(page).matches("/specs/\\d+");
		SavedSpec spec = specs.find(Long.parseLong(page.substring("/specs/".length()))).orElseThrow();
		assertThat(spec.name()).isEqualTo(name);
		assertThat(spec.query()).isEqualTo(Specs.SEED_QUERY);

		assertThat(mvc.get().uri("/specs").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(">" + name + "</a>");
		assertThat(mvc.get().uri(page).accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains(HtmlUtils.htmlEscape(Specs.SEED_SPEC_COMMAND))
			.contains("href=\"/spec/2.8?" + Specs.SEED_QUERY.replace("&", "&amp;") + "\"")
			.contains("href=\"/wizard/2.8/basic?");

		assertThat(mvc.post().uri(page + "/rename").with(csrf()).param("name", name + " renamed"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(specs.find(spec.id()).orElseThrow().name()).isEqualTo(name + " renamed");

		assertThat(mvc.get().uri(page + "/delete").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.contains("Delete the spec &quot;" + name + " renamed&quot;?");
		assertThat(mvc.post().uri(page + "/delete").with(csrf())).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/specs");
		assertThat(specs.find(spec.id())).isEmpty();
		assertThat(mvc.get().uri(page).accept(MediaType.TEXT_HTML)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void htmlInANameIsShownEscaped() {
		SavedSpec spec = specs.save("<script>alert('x')</script>", "2.8", Specs.SEED_QUERY);
		assertThat(mvc.get().uri("/specs").accept(MediaType.TEXT_HTML)).hasStatusOk()
			.bodyText()
			.doesNotContain("<script>alert")
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
		assertThat(mvc.get().uri("/specs/" + spec.id()).accept(MediaType.TEXT_HTML)).bodyText()
			.doesNotContain("<script>alert");
	}

	@Test
	void emptyOrHugeNamesAreRefusedWithAMessage() {
		assertThat(mvc.post()
			.uri("/specs")
			.with(csrf())
			.param("name", "   ")
			.param("version", "2.8")
			.param("query", Specs.SEED_QUERY)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/spec/2.8?" + Specs.SEED_QUERY + "#save")
			.flash()
			.containsEntry("saveProblem", "Give the spec a name.");
		SavedSpec spec = specs.save("fine", "2.8", Specs.SEED_QUERY);
		assertThat(mvc.post().uri("/specs/" + spec.id() + "/rename").with(csrf()).param("name", "x".repeat(10_000)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("A name has at most 100 characters")
			.doesNotContain("x".repeat(300));
		assertThat(mvc.post().uri("/specs/" + spec.id() + "/rename").with(csrf()).param("name", "two\nlines"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(specs.find(spec.id()).orElseThrow().name()).isEqualTo("fine");
	}

	@Test
	void anInvalidSpecIsNotSaved() {
		assertThat(mvc.post()
			.uri("/specs")
			.with(csrf())
			.param("name", "bad")
			.param("version", "9.9")
			.param("query", Specs.SEED_QUERY)).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void writesWithoutTheCsrfTokenAreRefused() {
		SavedSpec spec = specs.save("keep me", "2.8", Specs.SEED_QUERY);
		assertThat(mvc.post().uri("/specs").param("name", "x").param("version", "2.8").param("query", Specs.SEED_QUERY))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/specs/" + spec.id() + "/delete")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/specs/" + spec.id() + "/rename").param("name", "y"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(specs.find(spec.id()).orElseThrow().name()).isEqualTo("keep me");
	}

	@Test
	void finishPageOffersSaveWithTheClusterName() {
		assertThat(mvc.get().uri("/spec/2.8?" + Specs.SEED_QUERY).accept(MediaType.TEXT_HTML)).bodyText()
			.contains("value=\"" + Specs.CLUSTER_NAME + "\"")
			.contains(">Save spec</button>");
	}

}
