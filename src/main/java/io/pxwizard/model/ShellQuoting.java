package io.pxwizard.model;

import java.util.regex.Pattern;

/**
 * POSIX shell quoting for the commands px-wizard shows, so a pasted line means exactly
 * what it shows.
 */
public final class ShellQuoting {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

	private ShellQuoting() {
	}

	/**
	 * Always single-quoted, as Portworx Central quotes its URLs; a quote inside becomes
	 * {@code '\''}.
	 */
	public static String singleQuoted(String value) {
		return "'" + value.replace("'", "'\\''") + "'";
	}

	/**
	 * Left alone when it holds nothing a shell would interpret, single-quoted otherwise.
	 */
	public static String quotedIfNeeded(String value) {
		return SAFE.matcher(value).matches() ? value : singleQuoted(value);
	}

}
