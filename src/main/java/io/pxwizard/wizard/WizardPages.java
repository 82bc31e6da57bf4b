package io.pxwizard.wizard;

import io.pxwizard.web.PrintableText;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.FieldErrors;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.KeptParameter;
import io.pxwizard.model.RegistryOptions;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.StorageFamily;
import io.pxwizard.model.SpecReading;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Renders a wizard page: what every page's template is given, for a fresh page or one
 * with problems.
 */
@Component
public class WizardPages {

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final FieldMessages fieldMessages;

	private final WizardFlow flow;

	private final MessageSource messages;

	WizardPages(PortworxCatalog catalog, SpecQuery specQuery, FieldMessages fieldMessages, WizardFlow flow,
			MessageSource messages) {
		this.messages = messages;
		this.flow = flow;
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.fieldMessages = fieldMessages;
	}

	/**
	 * A page opened from a URL: its fields show the state, radio choices as the URL
	 * implies them.
	 */
	String fromState(Model model, WizardStep step, String version, SpecParameters state) {
		return render(model, step, version, shownFromState(step, version, state), Map.of());
	}

	/** A posted page whose answers were wrong: the fields show what was typed. */
	String withProblems(Model model, WizardStep step, String version, SpecParameters posted, FieldErrors errors,
			Locale locale, HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return render(model, step, version, posted, fieldMessages.byField(errors, locale));
	}

	/**
	 * A whole spec with problems (a hand-edited or outdated link): the first page with a
	 * wrong answer, every message of that page next to its field.
	 */
	public String withProblems(Model model, String version, SpecParameters state, SpecReading reading, Locale locale,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		WizardStep step = flow.firstWithErrors(reading.errors());
		return render(model, step, version, shownFromState(step, version, state),
				fieldMessages.byField(reading.errors(), locale));
	}

	/**
	 * Control characters (other than line breaks and tabs) are shown as U+FFFD, never
	 * written into the page.
	 */
	private static SpecParameters printable(SpecParameters typed) {
		Map<String, String> printable = new LinkedHashMap<>();
		typed.asMap().forEach((name, value) -> printable.put(PrintableText.of(name), PrintableText.of(value)));
		return SpecParameters.of(printable);
	}

	private SpecParameters shownFromState(WizardStep step, String version, SpecParameters state) {
		Set<String> kept = new HashSet<>();
		specQuery.kept(version, state).forEach((parameter) -> kept.add(parameter.name()));
		Map<String, String> shown = new LinkedHashMap<>(
				flow.impliedFormValues(step, SpecParameters.of(state.except(kept))));
		shown.putAll(state.asMap());
		shown.putIfAbsent(SpecQuery.VERSION, version);
		return SpecParameters.of(shown);
	}

	private String render(Model model, WizardStep step, String version, SpecParameters typed,
			Map<String, String> errors) {
		SpecParameters shown = printable(typed);
		// Everything the page does not ask for travels along in hidden fields, and so do
		// the parameters kept as given,
		// which no field shows.
		List<KeptParameter> kept = specQuery.kept(version, shown);
		Set<String> keptNames = new HashSet<>();
		kept.forEach((parameter) -> keptNames.add(parameter.name()));
		Set<String> notCarried = new HashSet<>(flow.ownedFields(step));
		notCarried.add(SpecQuery.VERSION);
		notCarried.removeAll(keptNames);
		model.addAttribute("step", step);
		model.addAttribute("steps", List.of(WizardStep.values()));
		model.addAttribute("version", version);
		model.addAttribute("p", SpecParameters.of(shown.except(keptNames)));
		model.addAttribute("errors", errors);
		model.addAttribute("hidden", shown.except(notCarried));
		model.addAttribute("kept", kept);
		model.addAttribute("kvdbDeviceOffered", StorageFamily.offersKvdbDevice(shown));
		model.addAttribute("catalog", catalog);
		model.addAttribute("profile", catalog.profile(catalog.release(version).orElse(catalog.newestRelease())));
		model.addAttribute("action", WizardUrls.step(version, step, ""));
		addOptions(model, shown);
		return "wizard/" + step.path();
	}

	/** The drop-downs' choices as [value, text] pairs, for the shared select fragment. */
	private void addOptions(Model model, SpecParameters shown) {
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("versionOptions",
				catalog.releases().stream().map((release) -> List.of(release.version(), release.version())).toList());
		model.addAttribute("secretsStoreOptions",
				catalog.secretsStores().stream().map((store) -> List.of(store.value(), store.label())).toList());
		List<List<String>> pullPolicies = new ArrayList<>();
		pullPolicies.add(List.of("", messages.getMessage("customize.pp.default", null, locale)));
		RegistryOptions.PULL_POLICIES.forEach((policy) -> pullPolicies.add(List.of(policy, policy)));
		model.addAttribute("pullPolicyOptions", pullPolicies);
		List<List<String>> ioProfiles = new ArrayList<>();
		ioProfiles.add(List.of("", messages.getMessage("storage.iop.none", null, locale)));
		ioProfiles.add(List.of("6", messages.getMessage("storage.iop.auto", null, locale)));
		String typed = shown.get("iop");
		if (!typed.isEmpty() && !"6".equals(typed)) {
			ioProfiles.add(List.of(typed, typed));
		}
		model.addAttribute("ioProfileOptions", ioProfiles);
	}

}
