package io.pxwizard.apply;

/**
 * One line of the preflight panel.
 *
 * @param title what was checked
 * @param result what was found
 * @param verdict whether it is fine
 */
public record PreflightCheck(String title, String result, Verdict verdict) {

	/** pass / warn / fail. */
	public enum Verdict {

		PASS, WARN, FAIL

	}

}
