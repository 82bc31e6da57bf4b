package io.pxwizard.wizard;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.FieldErrors;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecQuery.StepOutcome;

import org.springframework.stereotype.Component;

/**
 * The wizard's steps over the query language: which fields a page owns, and what its form
 * does to the state.
 */
@Component
public class WizardFlow {

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	public WizardFlow(PortworxCatalog catalog, SpecQuery specQuery) {
		this.catalog = catalog;
		this.specQuery = specQuery;
	}

	/**
	 * The query parameters and form-only fields the page asks for, which it must not also
	 * carry hidden.
	 */
	public Set<String> ownedFields(WizardStep step) {
		Set<String> owned = new HashSet<>(specQuery.fieldsOf(step.families()));
		if (step == WizardStep.BASIC) {
			owned.add(SpecQuery.VERSION);
		}
		return owned;
	}

	/**
	 * The form-only fields' values a page shows when opened from a URL, where only
	 * parameters are.
	 */
	public Map<String, String> impliedFormValues(WizardStep step, SpecParameters state) {
		return specQuery.impliedFormValues(step.families(), state);
	}

	/**
	 * Takes one page's form into the wizard state; the Basic page also picks the version.
	 */
	public StepOutcome take(String version, WizardStep step, SpecParameters form, boolean forward) {
		StepOutcome outcome = specQuery.takeFamilies(version, step.families(), form, forward);
		if (step == WizardStep.BASIC && catalog.release(form.get(SpecQuery.VERSION)).isEmpty()) {
			outcome.errors().reject(SpecQuery.VERSION, "error.version", form.get(SpecQuery.VERSION));
		}
		return outcome;
	}

	/**
	 * The first page that asks for a field with a problem; the Basic page for problems no
	 * page asks for.
	 */
	public WizardStep firstWithErrors(FieldErrors errors) {
		for (WizardStep step : WizardStep.values()) {
			Set<String> fields = ownedFields(step);
			if (errors.all().stream().anyMatch((problem) -> fields.contains(problem.field()))) {
				return step;
			}
		}
		return errors.hasErrors() ? WizardStep.BASIC : null;
	}

}
