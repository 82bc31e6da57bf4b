package io.pxwizard.wizard;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/** The app's own URLs for wizard pages and finished specs. */
public final class WizardUrls {

	private WizardUrls() {
	}

	public static String step(String version, WizardStep step, String query) {
		return "/wizard/" + segment(version) + "/" + step.path() + (query.isEmpty() ? "" : "?" + query);
	}

	public static String spec(String version, String query) {
		return "/spec/" + segment(version) + (query.isEmpty() ? "" : "?" + query);
	}

	/** Operator manifests and cluster spec in one download ({@code /install/{version}/all}). */
	public static String installAll(String version, String query) {
		return "/install/" + segment(version) + "/all?" + query;
	}

	/** The images a spec's install pulls, as text ({@code /install/{version}/images}). */
	public static String installImages(String version, String query) {
		return "/install/" + segment(version) + "/images?" + query;
	}

	/** The script that copies them into the spec's custom registry ({@code /install/{version}/mirror.sh}). */
	public static String installMirrorScript(String version, String query) {
		return "/install/" + segment(version) + "/mirror.sh?" + query;
	}

	private static String segment(String version) {
		return UriUtils.encodePathSegment(version, StandardCharsets.UTF_8);
	}

}
