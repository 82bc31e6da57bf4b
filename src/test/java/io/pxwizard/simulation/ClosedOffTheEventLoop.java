package io.pxwizard.simulation;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * A watch's WebSocket listener whose end runs off the event loop. fabric8's mock server
 * ends a watch by waiting (up to a minute) for the watch's send executor, on the vert.x
 * event loop that every mock API server in the JVM shares; a send in flight needs that
 * loop, so each closed watch could stall every simulated cluster for seconds and make
 * requests time out (seen as "timeout period of 5000ms has been exceeded" in the disk
 * scan tests).
 */
final class ClosedOffTheEventLoop extends WebSocketListener {

	private static final ExecutorService CLOSERS = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "simulated-watch-close");
		thread.setDaemon(true);
		return thread;
	});

	private final WebSocketListener watch;

	ClosedOffTheEventLoop(WebSocketListener watch) {
		this.watch = watch;
	}

	@Override
	public void onBeforeAccept(WebSocket webSocket, Response response) {
		watch.onBeforeAccept(webSocket, response);
	}

	@Override
	public void onOpen(WebSocket webSocket, Response response) {
		watch.onOpen(webSocket, response);
	}

	@Override
	public void onMessage(WebSocket webSocket, String text) {
		watch.onMessage(webSocket, text);
	}

	@Override
	public void onMessage(WebSocket webSocket, ByteString bytes) {
		watch.onMessage(webSocket, bytes);
	}

	@Override
	public void onMessage(WebSocket webSocket, byte[] bytes) {
		watch.onMessage(webSocket, bytes);
	}

	@Override
	public void onPing(WebSocket webSocket, byte[] bytes) {
		watch.onPing(webSocket, bytes);
	}

	@Override
	public void onClosing(WebSocket webSocket, int code, String reason) {
		watch.onClosing(webSocket, code, reason);
	}

	@Override
	public void onClosed(WebSocket webSocket, int code, String reason) {
		CLOSERS.execute(() -> watch.onClosed(webSocket, code, reason));
	}

	@Override
	public void onFailure(WebSocket webSocket, Throwable error, Response response) {
		CLOSERS.execute(() -> watch.onFailure(webSocket, error, response));
	}

}
