package io.pxwizard.simulation;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * fabric8's mock API server in CRUD mode with the {@link FaithfulCrudDispatcher}, on
 * loopback.
 */
public final class SimulatedApiServer implements AutoCloseable {

	private final FaithfulCrudDispatcher dispatcher;

	private volatile KubernetesMockServer server;

	private int port;

	public SimulatedApiServer() {
		this(new FaithfulCrudDispatcher());
	}

	private SimulatedApiServer(FaithfulCrudDispatcher dispatcher) {
		this.dispatcher = dispatcher;
		this.server = newServer(dispatcher);
	}

	private static KubernetesMockServer newServer(FaithfulCrudDispatcher dispatcher) {
		return new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
	}

	/** Starts on a free loopback port. */
	public SimulatedApiServer start() {
		return start(0);
	}

	public SimulatedApiServer start(int port) {
		server.init(InetAddress.getLoopbackAddress(), port);
		this.port = server.getPort();
		return this;
	}

	public int port() {
		return port;
	}

	public String url() {
		return server.url("/");
	}

	public FaithfulCrudDispatcher dispatcher() {
		return dispatcher;
	}

	/**
	 * A client of this server; fast-failing so tests of unreachable servers do not wait
	 * through retries.
	 */
	public KubernetesClient createClient() {
		return server.createClient((builder) -> builder.editOrNewConfig()
			.withRequestRetryBackoffLimit(0)
			.withConnectionTimeout(2_000)
			.withRequestTimeout(5_000)
			.withWatchReconnectInterval(200)
			.withWatchReconnectLimit(-1)
			.endConfig());
	}

	private boolean stopped;

	/**
	 * Stops the server; what it stores stays in the dispatcher for {@link #restart()}.
	 */
	public synchronized void stop() {
		server.destroy();
		stopped = true;
	}

	/**
	 * Starts again on the same port with the same objects, as an API server coming back
	 * after an outage.
	 */
	public synchronized void restart() {
		server = newServer(dispatcher);
		server.init(InetAddress.getLoopbackAddress(), port);
		stopped = false;
	}

	/**
	 * {@link #restart()} when stopped: a test's clean-up that must leave the server up
	 * whatever happened.
	 */
	public synchronized void restartIfStopped() {
		if (stopped) {
			restart();
		}
	}

	@Override
	public void close() {
		stop();
	}

}
