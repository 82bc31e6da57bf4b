package io.pxwizard.spec;

import java.util.Optional;

import io.pxwizard.wizard.WizardStep;

/**
 * The result of reading a spec URL: the spec when it is valid, otherwise the problems and the first page that has one.
 */
public record SpecReading(InstallSpec spec, FieldErrors errors, WizardStep firstStepWithErrors) {

	public boolean isValid() {
		return !errors.hasErrors();
	}

	public Optional<InstallSpec> validSpec() {
		return isValid() ? Optional.of(spec) : Optional.empty();
	}

}
