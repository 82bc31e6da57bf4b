package io.pxwizard.wizard;

import java.util.Locale;

import io.pxwizard.web.AppUrls;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecQuery.StepOutcome;
import io.pxwizard.model.SpecReading;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The wizard's pages. Each page is {@code GET
 * /wizard/{version}/{step}?<install.portworx.com parameters>}, so every step is a
 * bookmarkable URL; its form posts to the same path and is redirected to the next page
 * (or re-rendered with a message next to each wrong field).
 */
@Controller
class WizardController {

	/** The pressed button: {@code next} (also Finish) or {@code back}. */
	static final String GO = "_go";

	static final String BACK = "back";

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final WizardPages pages;

	private final WizardFlow flow;

	WizardController(PortworxCatalog catalog, SpecQuery specQuery, WizardPages pages, WizardFlow flow) {
		this.flow = flow;
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.pages = pages;
	}

	/**
	 * A new spec: the newest version and the catalogue's defaults, with a cluster name
	 * made once.
	 */
	@GetMapping("/wizard")
	String newSpec() {
		String version = catalog.newestRelease().version();
		return "redirect:" + WizardUrls.step(version, WizardStep.BASIC,
				specQuery.queryString(version, specQuery.newSpec(version).asMap()));
	}

	@GetMapping("/wizard/{version}/{step}")
	String showStep(@PathVariable String version, @PathVariable String step,
			@RequestParam MultiValueMap<String, String> query, Model model) {
		WizardStep page = questionStep(step);
		SpecParameters state = SpecParameters.of(query);
		if (state.names().isEmpty()) {
			// A bare step URL: start a new spec there rather than show a page with
			// nothing filled in.
			return "redirect:" + WizardUrls.step(version, page,
					specQuery.queryString(version, specQuery.newSpec(version).asMap()));
		}
		return pages.fromState(model, page, version, state);
	}

	@PostMapping("/wizard/{version}/{step}")
	String takeStep(@PathVariable String version, @PathVariable String step,
			@RequestParam MultiValueMap<String, String> form, Model model, Locale locale,
			HttpServletResponse response) {
		WizardStep page = questionStep(step);
		SpecParameters posted = SpecParameters.of(form);
		boolean back = BACK.equals(form.getFirst(GO));
		String chosenVersion = (page == WizardStep.BASIC && catalog.release(posted.get(SpecQuery.VERSION)).isPresent())
				? posted.get(SpecQuery.VERSION) : version;
		StepOutcome outcome = flow.take(chosenVersion, page, posted, !back);
		SpecParameters state = specQuery.switchRelease(outcome.state(), version, chosenVersion);
		String query = specQuery.queryString(chosenVersion, state.asMap());
		if (back) {
			return "redirect:" + WizardUrls.step(chosenVersion, page.previous(), query);
		}
		if (outcome.errors().hasErrors()) {
			return pages.withProblems(model, page, version, posted, outcome.errors(), locale, response);
		}
		if (!page.isLastQuestion()) {
			return "redirect:" + WizardUrls.step(chosenVersion, page.next(), query);
		}
		SpecReading reading = specQuery.read(chosenVersion, state);
		if (!reading.isValid()) {
			// An earlier page holds a wrong answer (a hand-edited URL): show that page
			// with its messages.
			return pages.withProblems(model, chosenVersion, state, reading, locale, response);
		}
		return "redirect:" + AppUrls.spec(chosenVersion, specQuery.queryString(reading.spec()));
	}

	private static WizardStep questionStep(String path) {
		return WizardStep.fromPath(path)
			.filter((step) -> step != WizardStep.FINISH)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
