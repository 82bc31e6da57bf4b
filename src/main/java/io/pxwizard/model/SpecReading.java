package io.pxwizard.model;

/**
 * The result of reading a spec URL: the spec when it is valid, otherwise the problems by
 * field.
 */
public record SpecReading(InstallSpec spec, FieldErrors errors) {

	public boolean isValid() {
		return !errors.hasErrors();
	}

}
