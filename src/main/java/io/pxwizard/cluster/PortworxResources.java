package io.pxwizard.cluster;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pxwizard.catalog.PortworxApi;

/**
 * The Portworx custom resources as fabric8 addresses them. Explicit: the types only exist
 * once the operator has registered them, so discovery cannot be relied on.
 */
public final class PortworxResources {

	public static final ResourceDefinitionContext STORAGE_CLUSTERS = context(PortworxApi.STORAGE_CLUSTER,
			"storageclusters");

	public static final ResourceDefinitionContext STORAGE_NODES = context(PortworxApi.STORAGE_NODE, "storagenodes");

	private PortworxResources() {
	}

	private static ResourceDefinitionContext context(String kind, String plural) {
		return new ResourceDefinitionContext.Builder().withGroup(PortworxApi.GROUP)
			.withVersion(PortworxApi.VERSION)
			.withKind(kind)
			.withPlural(plural)
			.withNamespaced(true)
			.build();
	}

}
