package io.pxwizard.web;

import java.util.regex.Pattern;

/**
 * Typed text as pages may show it: control characters (but line breaks and tabs) become
 * U+FFFD.
 */
public final class PrintableText {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private PrintableText() {
	}

	public static String of(String text) {
		return CONTROL.matcher(text).replaceAll("\uFFFD");
	}

}
