package io.pxwizard.simulation;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/** fabric8's mock API server in CRUD mode with the {@link FaithfulCrudDispatcher}, on loopback. */
public final class SimulatedApiServer implements AutoCloseable {

	private final FaithfulCrudDispatcher dispatcher;

	private final KubernetesMockServer server;

	private int port;

	public SimulatedApiServer() {
		this(new FaithfulCrudDispatcher());
	}

	private SimulatedApiServer(FaithfulCrudDispatcher dispatcher) {
		this.dispatcher = dispatcher;
		this.server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
	}

	/** Starts on a free loopback port. */
	public SimulatedApiServer start() {
		return start(0);
	}

	public SimulatedApiServer start(int port) {
		try {
			server.init(InetAddress.getLoopbackAddress(), port);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
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

	/** A client of this server; fast-failing so tests of unreachable servers do not wait through retries. */
	public KubernetesClient createClient() {
		return server.createClient((builder) -> builder.editOrNewConfig()
			.withRequestRetryBackoffLimit(0)
			.withConnectionTimeout(2_000)
			.withRequestTimeout(5_000)
			.endConfig());
	}

	/** Stops the server; its state stays in the dispatcher, so {@link #start(int)} on the same port resumes. */
	public void stop() {
		server.destroy();
	}

	@Override
	public void close() {
		stop();
	}

}
