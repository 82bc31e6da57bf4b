package io.pxwizard.wizard;

import java.util.regex.Pattern;

/**
 * Typed text as pages may show it: control characters (but line breaks and tabs) become
 * U+FFFD.
 */
final class PrintableText {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	private PrintableText() {
	}

	static String of(String text) {
		return CONTROL.matcher(text).replaceAll("\uFFFD");
	}

}
