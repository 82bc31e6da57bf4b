package io.pxwizard.cluster;

/**
 * Which cluster px-wizard is connected to, as the header shows it.
 *
 * @param server the API server URL
 * @param context the kubeconfig context, or a description for other kinds
 * @param kind where the connection came from
 */
public record ClusterInfo(String server, String context, Kind kind) {

	public boolean isSimulated() {
		return kind == Kind.SIMULATED;
	}

	/** Where a connection comes from. */
	public enum Kind {

		KUBECONFIG, IN_CLUSTER, SIMULATED

	}

}
