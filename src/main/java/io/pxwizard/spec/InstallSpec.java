package io.pxwizard.spec;

import java.util.List;

import io.pxwizard.catalog.Distribution;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.catalog.ReleaseProfile;

/**
 * A complete, validated wizard result: everything the two install URLs say. Inner code trusts it; it is only made by
 * {@link SpecQuery#read}.
 */
public record InstallSpec(PortworxRelease release, ReleaseProfile profile, BasicOptions basic, EditionOptions edition,
		KvdbOptions kvdb, StorageOptions storage, NetworkOptions network, Distribution distribution,
		ComponentOptions components, ClusterOptions cluster, RegistryOptions registry, List<KeptParameter> kept) {

	public InstallSpec {
		kept = List.copyOf(kept);
	}

	/** Whether px-wizard can render the manifests itself: every parameter is one it models. */
	public boolean rendersLocally() {
		return kept.isEmpty();
	}

	public String version() {
		return release.version();
	}

	public boolean usesOperator() {
		return basic.operator();
	}

}
