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
 * slow browser only slows itself. What waits is bounded by construction: one pending
 * fragment per piece of the page, a newer version replacing an unsent older one, so a
 * browser that falls behind skips to the latest state instead of queueing.
 */
final class SseBoardListener implements BoardListener {

	private final SseEmitter emitter;

	private final StatusBoard board;

	private final Executor writer;

	/** Event name to its latest unsent fragment. */
	private final Map<String, BoardFragment> pending = new LinkedHashMap<>();

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
		synchronized (pending) {
			pending.put(fragment.event(), fragment);
			start = !writing;
			writing = true;
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
			}
			batch.forEach((fragment) -> send(SseEmitter.event().name(fragment.event()).data(fragment.html())));
		}
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
			emitter.complete();
		}
	}

	void close() {
		closed = true;
		board.unsubscribe(this);
		synchronized (pending) {
			pending.clear();
		}
	}

}
