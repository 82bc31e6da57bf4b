package io.pxwizard.catalog;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An upgrade Portworx does not support in one step, and the releases to go through
 * instead (from {@code px.upgrade-paths}).
 *
 * @param from the release line that runs ({@code 3.1} covers 3.1.9)
 * @param to the first target release this applies to (and every newer one)
 * @param through the release lines to apply first, in order
 * @param source where Portworx documents it
 */
public record UpgradePath(String from, String to, List<String> through, String source) {

	private static final Pattern NUMBERS = Pattern.compile("^\\d+(\\.\\d+)*");

	public UpgradePath {
		through = List.copyOf(through);
	}

	/** Whether upgrading {@code running} to {@code target} needs this path. */
	public boolean applies(String running, String target) {
		return (running.equals(from) || running.startsWith(from + "."))
				&& PortworxCatalog.compareVersions(numeric(target), to) >= 0;
	}

	/** "3.4.2" of "3.4.2-ubuntu1604": a tag's dotted numbers only. */
	private static String numeric(String version) {
		Matcher numbers = NUMBERS.matcher(version);
		return numbers.find() ? numbers.group() : "0";
	}

}
