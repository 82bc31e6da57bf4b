package io.pxwizard.wizard;

import java.util.List;

import io.pxwizard.model.OptionFamilies;

import java.util.Arrays;
import java.util.Optional;

/**
 * The wizard's pages in Portworx Central's order; {@link #path()} is the URL segment and
 * the template name.
 */
public enum WizardStep {

	BASIC("basic", OptionFamilies.BASIC, OptionFamilies.EDITION, OptionFamilies.KVDB),
	STORAGE("storage", OptionFamilies.STORAGE), NETWORK("network", OptionFamilies.NETWORK), CUSTOMIZE("customize",
			OptionFamilies.DISTRIBUTION, OptionFamilies.COMPONENTS, OptionFamilies.CLUSTER, OptionFamilies.REGISTRY),
	FINISH("finish");

	private final String path;

	private final List<String> families;

	WizardStep(String path, String... families) {
		this.path = path;
		this.families = List.of(families);
	}

	/** The option families this page asks for. */
	public List<String> families() {
		return families;
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
