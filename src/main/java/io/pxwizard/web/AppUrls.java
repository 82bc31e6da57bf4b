package io.pxwizard.web;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * The app's own URLs that several features link to: a finished spec and px-wizard's
 * install endpoint.
 */
public final class AppUrls {

	/**
	 * The query parameter that says where the commands fetch manifests from
	 * ({@link #LOCAL_SOURCE}: px-wizard).
	 */
	public static final String SOURCE = "source";

	public static final String LOCAL_SOURCE = "local";

	private AppUrls() {
	}

	public static String spec(String version, String query) {
		return "/spec/" + segment(version) + (query.isEmpty() ? "" : "?" + query);
	}

	/** Uninstalling Portworx, removing the operator objects of this spec. */
	public static String uninstall(String version, String query) {
		return "/uninstall/" + segment(version) + (query.isEmpty() ? "" : "?" + query);
	}

	/**
	 * Operator manifests and cluster spec in one download
	 * ({@code /install/{version}/all}).
	 */
	public static String installAll(String version, String query) {
		return "/install/" + segment(version) + "/all?" + query;
	}

	/** A spec's StorageClasses as YAML ({@code /install/{version}/storageclasses}). */
	public static String installStorageClasses(String version, String query) {
		return "/install/" + segment(version) + "/storageclasses?" + query;
	}

	/** The images a spec's install pulls, as text ({@code /install/{version}/images}). */
	public static String installImages(String version, String query) {
		return "/install/" + segment(version) + "/images?" + query;
	}

	/** A version as a path segment, percent-encoded. */
	public static String segment(String version) {
		return UriUtils.encodePathSegment(version, StandardCharsets.UTF_8);
	}

}
