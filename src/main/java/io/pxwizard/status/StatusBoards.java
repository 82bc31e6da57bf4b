package io.pxwizard.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterConnection;
import io.pxwizard.cluster.ClusterConnection.ConnectedCluster;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One board per watched namespace, shared by every viewer: started by the first, stopped a little after the last has
 * left (the grace lets a page load be followed by its stream without a restart).
 */
@Component
public class StatusBoards implements DisposableBean {

	static final Duration GRACE = Duration.ofSeconds(30);

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	private final ClusterConnection connection;

	private final BoardRenderer renderer;

	private final Map<String, StatusBoard> boards = new ConcurrentHashMap<>();

	private final Map<SseBoardListener, StatusBoard> streams = new ConcurrentHashMap<>();

	/** A few writers for every stream: more threads than cores only add switching when thousands are open. */
	private final ExecutorService writers = Executors.newFixedThreadPool(
			Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), (task) -> {
		Thread thread = new Thread(task, "status-sse");
		thread.setDaemon(true);
		return thread;
	});

	private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "status-boards");
		thread.setDaemon(true);
		return thread;
	});

	public StatusBoards(ClusterConnection connection, BoardRenderer renderer) {
		this.connection = connection;
		this.renderer = renderer;
		housekeeping.scheduleWithFixedDelay(this::housekeeping, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
				TimeUnit.SECONDS);
	}

	/** The namespace's board on the connected cluster, started if nobody was watching; empty without a cluster. */
	public Optional<StatusBoard> board(String namespace) {
		Optional<ConnectedCluster> cluster = connection.current();
		if (cluster.isEmpty()) {
			return Optional.empty();
		}
		KubernetesClient client = cluster.get().client();
		StatusBoard board = boards.compute(namespace, (ns, existing) -> {
			if (existing != null && existing.client() == client) {
				return existing;
			}
			if (existing != null) {
				existing.close();
			}
			return new StatusBoard(ns, client, renderer).start();
		});
		return Optional.of(board);
	}

	/** A browser's stream of the namespace's board; it starts with the whole board. */
	public Optional<SseEmitter> stream(String namespace) {
		return board(namespace).map((board) -> {
			// Browsers reconnect by themselves; an hour bounds what a forgotten tab holds.
			SseEmitter emitter = new SseEmitter(Duration.ofHours(1).toMillis());
			SseBoardListener listener = new SseBoardListener(emitter, board, writers);
			streams.put(listener, board);
			Runnable close = () -> {
				listener.close();
				streams.remove(listener);
			};
			emitter.onCompletion(close);
			emitter.onTimeout(close);
			emitter.onError((error) -> close.run());
			board.subscribe(listener);
			return emitter;
		});
	}

	private void housekeeping() {
		streams.keySet().forEach(SseBoardListener::heartbeat);
		Instant now = Instant.now();
		boards.forEach((namespace, board) -> {
			if (board.listenerCount() == 0 && board.lastListenerLeft().plus(GRACE).isBefore(now)) {
				boards.remove(namespace, board);
				board.close();
			}
		});
	}

	@Override
	public void destroy() {
		housekeeping.shutdownNow();
		boards.values().forEach(StatusBoard::close);
		boards.clear();
		writers.shutdownNow();
	}

}
