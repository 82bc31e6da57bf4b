package io.pxwizard.status;

/**
 * Someone watching a board (an SSE stream): it is handed re-rendered fragments and must
 * never block the board.
 */
public interface BoardListener {

	/**
	 * Queues one fragment for this listener; a listener that falls behind drops its queue
	 * and asks for a resync.
	 */
	void offer(BoardFragment fragment);

	/** The board closed: send what is pending, then end the stream. */
	default void end() {
	}

	/**
	 * One re-rendered piece of the page.
	 *
	 * @param event the SSE event name ({@code group-stork}, {@code summary})
	 * @param html the fragment
	 */
	record BoardFragment(String event, String html) {
	}

}
