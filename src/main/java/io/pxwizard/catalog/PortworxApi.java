package io.pxwizard.catalog;

/**
 * The Portworx operator's API (libopenstorage/operator {@code deploy/crds}): the one
 * place its group, version, kinds and the operator's own names are written.
 */
public final class PortworxApi {

	public static final String GROUP = "core.libopenstorage.org";

	public static final String VERSION = "v1";

	public static final String API_VERSION = GROUP + "/" + VERSION;

	public static final String STORAGE_CLUSTER = "StorageCluster";

	public static final String STORAGE_NODE = "StorageNode";

	/**
	 * The CRD the operator registers when it starts; a StorageCluster can only be applied
	 * once it is Established.
	 */
	public static final String STORAGE_CLUSTER_CRD = "storageclusters." + GROUP;

	/**
	 * The operator's Deployment, ServiceAccount, ClusterRole and pod label {@code name}.
	 */
	public static final String OPERATOR = "portworx-operator";

	private PortworxApi() {
	}

}
