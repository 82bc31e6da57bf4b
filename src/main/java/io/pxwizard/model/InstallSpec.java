package io.pxwizard.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pxwizard.catalog.Distribution;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.catalog.ReleaseProfile;

/**
 * A complete, validated wizard result: everything the two install URLs say. Inner code
 * trusts it; it is only made by {@link SpecQuery#read}.
 *
 * @param release the Portworx release
 * @param profile how its release line writes specs
 * @param options each option family's validated options, by family name
 * ({@link OptionFamilies})
 * @param kept parameters kept as given
 */
public record InstallSpec(PortworxRelease release, ReleaseProfile profile, Map<String, Object> options,
		List<KeptParameter> kept) {

	public InstallSpec {
		options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
		kept = List.copyOf(kept);
	}

	/** A family's options, as its {@code read} made them. */
	public Object option(String family) {
		return options.get(family);
	}

	public BasicOptions basic() {
		return (BasicOptions) option(OptionFamilies.BASIC);
	}

	public EditionOptions edition() {
		return (EditionOptions) option(OptionFamilies.EDITION);
	}

	public KvdbOptions kvdb() {
		return (KvdbOptions) option(OptionFamilies.KVDB);
	}

	public StorageOptions storage() {
		return (StorageOptions) option(OptionFamilies.STORAGE);
	}

	public NetworkOptions network() {
		return (NetworkOptions) option(OptionFamilies.NETWORK);
	}

	public Distribution distribution() {
		return (Distribution) option(OptionFamilies.DISTRIBUTION);
	}

	public ComponentOptions components() {
		return (ComponentOptions) option(OptionFamilies.COMPONENTS);
	}

	public ClusterOptions cluster() {
		return (ClusterOptions) option(OptionFamilies.CLUSTER);
	}

	public RegistryOptions registry() {
		return (RegistryOptions) option(OptionFamilies.REGISTRY);
	}

	/**
	 * Whether px-wizard can render the manifests itself: every parameter is one it
	 * models.
	 */
	public boolean rendersLocally() {
		return kept.isEmpty();
	}

	public String version() {
		return release.version();
	}

	public boolean usesOperator() {
		return basic().operator();
	}

}
