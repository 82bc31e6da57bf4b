package io.pxwizard.model;

import java.util.List;

import io.pxwizard.catalog.PortworxCatalog;

/**
 * The registry of option families: the query language reads, writes and describes a spec
 * by iterating it, in this order (which is also the order of the StorageCluster's
 * annotations). A new parameter is an entry in one family, or a new family here, plus its
 * catalogue data.
 */
public final class OptionFamilies {

	public static final String BASIC = "basic";

	public static final String DISTRIBUTION = "distribution";

	public static final String EDITION = "edition";

	public static final String KVDB = "kvdb";

	public static final String STORAGE = "storage";

	public static final String NETWORK = "network";

	public static final String COMPONENTS = "components";

	public static final String CLUSTER = "cluster";

	public static final String REGISTRY = "registry";

	public static final String STORAGE_CLASSES = "storageClasses";

	private OptionFamilies() {
	}

	static List<OptionFamily<?>> all(PortworxCatalog catalog) {
		return List.of(new BasicFamily(), new DistributionFamily(catalog), new EditionFamily(), new KvdbFamily(),
				new StorageFamily(), new NetworkFamily(), new ComponentFamily(), new ClusterFamily(catalog),
				new RegistryFamily(), new StorageClassFamily(catalog));
	}

}
