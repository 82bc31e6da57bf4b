package io.pxwizard.spec;

import io.pxwizard.catalog.Distribution;
import io.pxwizard.catalog.PortworxRelease;

/**
 * A complete, validated wizard result: everything the two install URLs say. Inner code trusts it; it is only made by
 * {@link SpecQuery#read}.
 */
public record InstallSpec(PortworxRelease release, BasicOptions basic, EditionOptions edition, KvdbOptions kvdb,
		StorageOptions storage, NetworkOptions network, Distribution distribution, ComponentOptions components,
		ClusterOptions cluster, RegistryOptions registry) {

	public String version() {
		return release.version();
	}

	public boolean usesOperator() {
		return basic.operator();
	}

}
