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

	/** Portworx's CSI driver: the provisioner of its StorageClasses. */
	public static final String CSI_PROVISIONER = "pxd.portworx.com";

	/**
	 * The Portworx plugin built into Kubernetes (deprecated, still found on clusters).
	 */
	public static final String IN_TREE_PROVISIONER = "kubernetes.io/portworx-volume";

	/** The annotation Kubernetes marks the cluster's default StorageClass with. */
	public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

	/** Its beta form, which Kubernetes still reads. */
	public static final String BETA_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

	private PortworxApi() {
	}

}
