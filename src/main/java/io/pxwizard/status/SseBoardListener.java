package io.pxwizard.status;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's SSE stream. Fragments wait here and are written by a pooled thread, so a
 * slow browser only slows itself. What waits is bounded: a whole piece of the page
 * (summary, a group) replaces its unsent older version; patches (rows) keep their order,
 * and a browser that falls more than {@link #MAX_PATCHES} behind drops them and is sent
 * the whole board again instead of queueing.
 */
final class SseBoardListener implements BoardListener {

	private final SseEmitter emitter;

	private final StatusBoard board;

	private final Executor writer;

	/** Patches a browser may fall behind by before it is sent the whole board instead. */
	static final int MAX_PATCHES = 200;

	/**
	 * Unsent fragments in the order they came: a whole piece by its event name, a patch
	 * by its number.
	 */
	private final Map<String, BoardFragment> pending = new LinkedHashMap<>();

	private long patches;

	private int pendingPatches;

	private boolean writing;

	private volatile boolean closed;

	/**
	 * The board has closed: once what is pending is written, the stream ends and the
	 * browser reconnects.
	 */
	private volatile boolean ending;

	SseBoardListener(SseEmitter emitter, StatusBoard board, Executor writer) {
		this.emitter = emitter;
		this.board = board;
		this.writer = writer;
	}

	@Override
	public void offer(BoardFragment fragment) {
		if (closed) {
			return;
		}
		boolean start;
		boolean resync = false;
		synchronized (pending) {
			if (BoardRenderer.PATCH.equals(fragment.event())) {
				if (pendingPatches == MAX_PATCHES) {
					// Far behind: drop the patches, the whole board follows.
					pending.values().removeIf((waiting) -> BoardRenderer.PATCH.equals(waiting.event()));
					pendingPatches = 0;
					resync = true;
				}
				else {
					pending.put(BoardRenderer.PATCH + "#" + (patches++), fragment);
					pendingPatches++;
				}
			}
			else {
				// The newer version goes after every patch sent before it was made.
				pending.remove(fragment.event());
				pending.put(fragment.event(), fragment);
			}
			start = !writing;
			writing = true;
		}
		if (resync) {
			board.resync(this);
		}
		if (start) {
			writer.execute(this::drain);
		}
	}

	/** A comment line, so dead connections are noticed. */
	void heartbeat() {
		writer.execute(() -> send(SseEmitter.event().comment("keep-alive")));
	}

	@Override
	public void end() {
		ending = true;
		boolean start;
		synchronized (pending) {
			start = !writing;
			writing = true;
		}
		if (start) {
			writer.execute(this::drain);
		}
	}

	private void drain() {
		while (!closed) {
			List<BoardFragment> batch;
			synchronized (pending) {
				if (pending.isEmpty()) {
					writing = false;
					if (ending) {
						complete();
					}
					return;
				}
				batch = new ArrayList<>(pending.values());
				pending.clear();
				pendingPatches = 0;
			}
			for (BoardFragment fragment : joinPatches(batch)) {
				send(SseEmitter.event().name(fragment.event()).data(fragment.html()));
			}
		}
	}

	/** Patches that follow each other go as one event: one swap in the browser. */
	private static List<BoardFragment> joinPatches(List<BoardFragment> batch) {
		List<BoardFragment> joined = new ArrayList<>(batch.size());
		for (BoardFragment fragment : batch) {
			int last = joined.size() - 1;
			if (last >= 0 && BoardRenderer.PATCH.equals(fragment.event())
					&& BoardRenderer.PATCH.equals(joined.get(last).event())) {
				joined.set(last, new BoardFragment(BoardRenderer.PATCH, joined.get(last).html() + fragment.html()));
			}
			else {
				joined.add(fragment);
			}
		}
		return joined;
	}

	private synchronized void send(SseEmitter.SseEventBuilder event) {
		if (closed) {
			return;
		}
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			close();
		}
	}

	private synchronized void complete() {
		if (!closed) {
			closed = true;
			try {
				emitter.complete();
			}
			catch (IllegalStateException ex) {
				// The connection went first (the server is stopping): nothing left to
				// end.
			}
		}
	}

	void close() {
		closed = true;
		board.unsubscribe(this);
		synchronized (pending) {
			pending.clear();
			pendingPatches = 0;
		}
	}

}
