package io.pxwizard.wizard;

import java.util.Arrays;
import java.util.Optional;

/** The wizard's pages in Portworx Central's order; {@link #path()} is the URL segment and the template name. */
public enum WizardStep {

	BASIC("basic"), STORAGE("storage"), NETWORK("network"), CUSTOMIZE("customize"), FINISH("finish");

	private final String path;

	WizardStep(String path) {
		this.path = path;
	}

	public String path() {
		return path;
	}

	/** The message key of the step's name in the step indicator. */
	public String titleKey() {
		return "step." + path;
	}

	public static Optional<WizardStep> fromPath(String path) {
		return Arrays.stream(values()).filter((step) -> step.path.equals(path)).findFirst();
	}

	public WizardStep next() {
		return values()[Math.min(ordinal() + 1, values().length - 1)];
	}

	public WizardStep previous() {
		return values()[Math.max(ordinal() - 1, 0)];
	}

	public boolean isLastQuestion() {
		return next() == FINISH;
	}

}
