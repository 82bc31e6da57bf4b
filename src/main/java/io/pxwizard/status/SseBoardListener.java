package io.pxwizard.status;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's SSE stream. Fragments wait in a small queue and are written by a pooled thread, so a slow browser
 * only slows itself; when its queue is full it is dropped and the browser gets the whole board again instead.
 */
final class SseBoardListener implements BoardListener {

	static final int QUEUE = 64;

	private static final BoardFragment RESYNC = new BoardFragment("", "");

	private final SseEmitter emitter;

	private final StatusBoard board;

	private final Executor writer;

	private final BlockingQueue<BoardFragment> queue = new ArrayBlockingQueue<>(QUEUE);

	private final AtomicBoolean writing = new AtomicBoolean();

	private volatile boolean closed;

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
		if (!queue.offer(fragment)) {
			queue.clear();
			queue.offer(RESYNC);
		}
		write();
	}

	/** A comment line, so dead connections are noticed. */
	void heartbeat() {
		writer.execute(() -> send(SseEmitter.event().comment("keep-alive")));
	}

	private void write() {
		if (writing.compareAndSet(false, true)) {
			writer.execute(this::drain);
		}
	}

	private void drain() {
		try {
			BoardFragment fragment;
			while (!closed && (fragment = queue.poll()) != null) {
				if (fragment == RESYNC) {
					board.snapshot().forEach((event, html) -> send(SseEmitter.event().name(event).data(html)));
				}
				else {
					send(SseEmitter.event().name(fragment.event()).data(fragment.html()));
				}
			}
		}
		finally {
			writing.set(false);
		}
		if (!queue.isEmpty() && !closed) {
			write();
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

	void close() {
		closed = true;
		board.unsubscribe(this);
		queue.clear();
	}

}
