package io.pxwizard.spec;

import io.pxwizard.wizard.WizardStep;

/**
 * The result of reading a spec URL: the spec when it is valid, otherwise the problems and the first page that has one.
 */
public record SpecReading(InstallSpec spec, FieldErrors errors, WizardStep firstStepWithErrors) {

	public boolean isValid() {
		return !errors.hasErrors();
	}

}
