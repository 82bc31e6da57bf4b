package io.pxwizard.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;

import io.pxwizard.cluster.ClusterConnection.ClusterChanged;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One board per watched namespace, shared by every viewer: started by the first, stopped
 * a little after the last has left (the grace lets a page load be followed by its stream
 * without a restart).
 */
@Component
public class StatusBoards implements DisposableBean {

	static final Duration GRACE = Duration.ofSeconds(30);

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final ClusterConnection connection;

	private final BoardRenderer renderer;

	private final Map<String, StatusBoard> boards = new ConcurrentHashMap<>();

	private final Map<SseBoardListener, StatusBoard> streams = new ConcurrentHashMap<>();

	/**
	 * A few writers for every stream: more threads than cores only add switching when
	 * thousands are open.
	 */
	private final ExecutorService writers = Executors
		.newFixedThreadPool(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), (task) -> {
			Thread thread = new Thread(task, "status-sse");
			thread.setDaemon(true);
			return thread;
		});

	private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "status-boards");
		thread.setDaemon(true);
		return thread;
	});

	private final PortworxCatalog catalog;

	public StatusBoards(ClusterConnection connection, BoardRenderer renderer, PortworxCatalog catalog) {
		this.catalog = catalog;
		this.connection = connection;
		this.renderer = renderer;
		housekeeping.scheduleWithFixedDelay(this::housekeeping, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
				TimeUnit.SECONDS);
	}

	/**
	 * The namespace's board on the connected cluster, started if nobody was watching;
	 * empty without a cluster.
	 */
	public Optional<StatusBoard> board(String namespace) {
		return Optional.ofNullable(boards.compute(namespace, this::current));
	}

	/**
	 * The board to use: the existing one while it watches the connected cluster's client,
	 * else a new one (the old one closed), or none without a cluster. The connection is
	 * read here, inside the map's compute, so a board is never started on a client that a
	 * switch has just retired.
	 */
	private StatusBoard current(String namespace, StatusBoard existing) {
		Optional<KubernetesClient> client = connection.current().map(ConnectedCluster::client);
		if (existing != null && client.isPresent() && existing.client() == client.get() && !existing.isClosed()) {
			return existing;
		}
		if (existing != null) {
			existing.close();
		}
		return client
			.map((connected) -> new StatusBoard(namespace, connected, renderer, catalog.statusComponents()).start())
			.orElse(null);
	}

	/**
	 * A browser's stream of the namespace's board; it starts with the whole board unless
	 * the browser already shows the board's current revision.
	 */
	public Optional<SseEmitter> stream(String namespace, String shownRevision) {
		// Browsers reconnect by themselves; an hour bounds what a forgotten tab holds.
		SseEmitter emitter = new SseEmitter(Duration.ofHours(1).toMillis());
		// Found and subscribed to in one step, so housekeeping cannot close the board in
		// between.
		StatusBoard subscribed = boards.compute(namespace, (ns, existing) -> {
			StatusBoard board = current(ns, existing);
			if (board == null) {
				return null;
			}
			SseBoardListener listener = new SseBoardListener(emitter, board, writers);
			streams.put(listener, board);
			Runnable close = () -> {
				listener.close();
				streams.remove(listener);
			};
			emitter.onCompletion(close);
			emitter.onTimeout(close);
			emitter.onError((error) -> close.run());
			board.subscribe(listener, shownRevision);
			return board;
		});
		return Optional.ofNullable(subscribed).map((board) -> emitter);
	}

	/**
	 * The connection was switched or dropped: every board says so to its viewers and
	 * closes; their browsers reconnect and get the new cluster's board (or hear that none
	 * is connected).
	 */
	@EventListener
	void clusterChanged(ClusterChanged change) {
		for (String namespace : List.copyOf(boards.keySet())) {
			boards.computeIfPresent(namespace, (ns, board) -> {
				board.close(new BoardListener.BoardFragment(BoardRenderer.CLUSTER, renderer.clusterChanged(change)));
				return null;
			});
		}
	}

	private void housekeeping() {
		streams.keySet().forEach(SseBoardListener::heartbeat);
		Instant now = Instant.now();
		for (String namespace : List.copyOf(boards.keySet())) {
			boards.computeIfPresent(namespace, (ns, board) -> {
				if (board.listenerCount() == 0 && board.lastListenerLeft().plus(GRACE).isBefore(now)) {
					board.close();
					return null;
				}
				return board;
			});
		}
	}

	@Override
	public void destroy() {
		housekeeping.shutdownNow();
		boards.values().forEach(StatusBoard::close);
		boards.clear();
		writers.shutdownNow();
	}

}
