package io.pxwizard.simulation;

import java.time.Duration;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.cluster.ClusterInfo;

/** A simulated API server with a simulated Portworx operator working on it. */
public final class SimulatedCluster implements AutoCloseable {

	private final SimulatedApiServer server;

	private final KubernetesClient operatorClient;

	private final SimulatedPortworxOperator operator;

	private final SimulatedRegistry registry = new SimulatedRegistry();

	private final SimulatedDisks disks = new SimulatedDisks();

	private SimulatedCluster(SimulatedApiServer server, Duration step) {
		this.server = server;
		this.operatorClient = server.createClient();
		this.operator = new SimulatedPortworxOperator(operatorClient, step, registry, server.dispatcher(), disks)
			.start();
	}

	/** The nodes' block devices, as the disk scan finds them. */
	public SimulatedDisks disks() {
		return disks;
	}

	/**
	 * What the nodes can pull: everything, or only what was mirrored (an air-gapped
	 * cluster).
	 */
	public SimulatedRegistry registry() {
		return registry;
	}

	/**
	 * @param step how long the simulated operator takes for each move (a second for
	 * demos, less in tests)
	 */
	public static SimulatedCluster start(Duration step) {
		return new SimulatedCluster(new SimulatedApiServer().start(), step);
	}

	public SimulatedApiServer server() {
		return server;
	}

	public SimulatedPortworxOperator operator() {
		return operator;
	}

	/** A new client of the simulated server, for px-wizard or a test. */
	public KubernetesClient createClient() {
		return server.createClient();
	}

	public ClusterInfo info() {
		return new ClusterInfo(server.url().replaceAll("/$", ""), "simulated", ClusterInfo.Kind.SIMULATED);
	}

	@Override
	public void close() {
		operator.close();
		operatorClient.close();
		server.close();
	}

}
