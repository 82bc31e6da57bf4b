package io.pxwizard.savedspec;

import java.util.Locale;
import java.util.Optional;

import io.pxwizard.web.AppUrls;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.history.ApplyHistoryRepository;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.wizard.WizardStep;
import io.pxwizard.wizard.WizardUrls;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved specs: save from the finish page, list, open, rename, delete; each with its apply
 * history.
 */
@Controller
class SavedSpecController {

	static final String LIST = "specs/list";

	static final String PAGE = "specs/spec";

	static final String CONFIRM_DELETE = "specs/delete";

	static final int MAX_NAME = 100;

	private final SavedSpecRepository specs;

	private final ApplyHistoryRepository history;

	private final SpecQuery specQuery;

	private final PortworxCatalog catalog;

	private final MessageSource messages;

	SavedSpecController(SavedSpecRepository specs, ApplyHistoryRepository history, SpecQuery specQuery,
			PortworxCatalog catalog, MessageSource messages) {
		this.specs = specs;
		this.history = history;
		this.specQuery = specQuery;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/specs")
	String list(Model model) {
		model.addAttribute("specs", specs.findAll());
		return LIST;
	}

	/**
	 * "Save spec" on the finish page; the spec is checked again, so only valid specs are
	 * kept.
	 */
	@PostMapping("/specs")
	String save(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String version,
			@RequestParam(defaultValue = "") String query, RedirectAttributes redirect, Locale locale) {
		SpecReading reading = specQuery.read(version, SpecParameters.fromQuery(query));
		if (!reading.isValid()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid spec");
		}
		String canonical = specQuery.queryString(reading.spec());
		Optional<String> problem = nameProblem(name, locale);
		if (problem.isPresent()) {
			redirect.addFlashAttribute("saveProblem", problem.get());
			redirect.addFlashAttribute("saveName", name.length() > MAX_NAME * 2 ? "" : name);
			return "redirect:" + AppUrls.spec(version, canonical) + "#save";
		}
		SavedSpec saved = specs.save(name.strip(), version, canonical);
		redirect.addFlashAttribute("notice", "specs.saved");
		return "redirect:/specs/" + saved.id();
	}

	@GetMapping("/specs/{id}")
	String show(@PathVariable long id, Model model) {
		SavedSpec spec = find(id);
		return page(model, spec, spec.name());
	}

	@PostMapping("/specs/{id}/rename")
	String rename(@PathVariable long id, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		SavedSpec spec = find(id);
		Optional<String> problem = nameProblem(name, locale);
		if (problem.isPresent()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("renameProblem", problem.get());
			return page(model, spec, name.length() > MAX_NAME * 2 ? "" : name);
		}
		specs.rename(id, name.strip());
		redirect.addFlashAttribute("notice", "specs.renamed");
		return "redirect:/specs/" + id;
	}

	@GetMapping("/specs/{id}/delete")
	String confirmDelete(@PathVariable long id, Model model) {
		model.addAttribute("spec", find(id));
		return CONFIRM_DELETE;
	}

	@PostMapping("/specs/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		if (!specs.delete(id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("notice", "specs.deleted");
		return "redirect:/specs";
	}

	private String page(Model model, SavedSpec spec, String nameShown) {
		model.addAttribute("saved", spec);
		model.addAttribute("nameShown", nameShown);
		model.addAttribute("specUrl", AppUrls.spec(spec.version(), spec.query()));
		model.addAttribute("editUrl", WizardUrls.step(spec.version(), WizardStep.BASIC, spec.query()));
		model.addAttribute("history", history.ofSpec(spec.version(), spec.query()));
		SpecReading reading = specQuery.read(spec.version(), SpecParameters.fromQuery(spec.query()));
		if (reading.isValid()) {
			InstallSpec installSpec = reading.spec();
			model.addAttribute("spec", installSpec);
			model.addAttribute("commands", specQuery.commands(installSpec, catalog.installBaseUrl()));
			model.addAttribute("specParameters", specQuery.parameters(installSpec));
			model.addAttribute("downloadAll", AppUrls.installAll(spec.version(), spec.query()));
			if (installSpec.usesOperator()) {
				model.addAttribute("uninstallUrl", AppUrls.uninstall(spec.version(), spec.query()));
			}
		}
		return PAGE;
	}

	private Optional<String> nameProblem(String name, Locale locale) {
		String stripped = name.strip();
		if (stripped.isEmpty()) {
			return Optional.of(messages.getMessage("specs.name.missing", null, locale));
		}
		if (stripped.length() > MAX_NAME || stripped.chars().anyMatch(Character::isISOControl)) {
			return Optional.of(messages.getMessage("specs.name.invalid", new Object[] { MAX_NAME }, locale));
		}
		return Optional.empty();
	}

	private SavedSpec find(long id) {
		return specs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
