package io.pxwizard.wizard;

import io.pxwizard.web.AppUrls;

/** The wizard's page URLs: {@code /wizard/{version}/{step}?<parameters>}. */
public final class WizardUrls {

	private WizardUrls() {
	}

	public static String step(String version, WizardStep step, String query) {
		return "/wizard/" + AppUrls.segment(version) + "/" + step.path() + (query.isEmpty() ? "" : "?" + query);
	}

}
