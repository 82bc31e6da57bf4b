package io.pxwizard.apply;

/**
 * One line of an apply's progress, in kubectl's words.
 *
 * @param object the object ({@code deployment.apps/portworx-operator}) or what is waited
 * for
 * @param result what happened ({@code serverside-applied}) or why it failed
 * @param status how it ended
 */
public record ApplyLine(String object, String result, Status status) {

	/** How a line ended. */
	public enum Status {

		/** Applied, or a wait that is over. */
		DONE,
		/** A wait that is going on. */
		WAITING,
		/** A dry run's finding or a note. */
		INFO,
		/** What stopped the apply. */
		FAILED

	}

}
