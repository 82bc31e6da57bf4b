package io.pxwizard.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.Distribution;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.ReleaseProfile;

/**
 * "Are you running on either of these?": one {@code <flag>=true} per distribution,
 * nothing for None.
 */
final class DistributionFamily implements OptionFamily<Distribution> {

	/** The radio button's field; a URL implies it from the flag it carries. */
	static final String DISTRIBUTION = "dist";

	private final PortworxCatalog catalog;

	DistributionFamily(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	@Override
	public String name() {
		return OptionFamilies.DISTRIBUTION;
	}

	@Override
	public Set<String> parameters() {
		Set<String> flags = new LinkedHashSet<>();
		catalog.distributions().stream().filter((d) -> !d.isNone()).forEach((d) -> flags.add(d.param()));
		return flags;
	}

	@Override
	public Set<String> formOnlyFields() {
		return Set.of(DISTRIBUTION);
	}

	@Override
	public Map<String, String> impliedFormValues(SpecParameters state) {
		List<Distribution> flagged = flagged(state);
		return Map.of(DISTRIBUTION, (flagged.size() == 1) ? flagged.get(0).id() : catalog.noDistribution().id());
	}

	@Override
	public Distribution read(SpecParameters state, FieldErrors errors) {
		if (state.has(DISTRIBUTION)) {
			return catalog.distribution(state.get(DISTRIBUTION)).orElseGet(() -> {
				errors.reject(DISTRIBUTION, "error.choice");
				return catalog.noDistribution();
			});
		}
		for (String flag : parameters()) {
			if (state.has(flag) && !state.isTrue(flag)) {
				errors.reject(DISTRIBUTION, "error.flag", flag);
			}
		}
		List<Distribution> flagged = flagged(state);
		if (flagged.size() > 1) {
			errors.reject(DISTRIBUTION, "error.distribution.many");
		}
		return flagged.isEmpty() ? catalog.noDistribution() : flagged.get(0);
	}

	private List<Distribution> flagged(SpecParameters state) {
		return catalog.distributions().stream().filter((d) -> !d.isNone() && state.isTrue(d.param())).toList();
	}

	@Override
	public void describe(Distribution distribution, StorageClusterDraft cluster) {
		if (!distribution.isNone()) {
			cluster.annotate(distribution.annotation(), "true");
		}
	}

	@Override
	public void write(Distribution distribution, ReleaseProfile profile, Map<String, String> parameters) {
		if (!distribution.isNone()) {
			parameters.put(distribution.param(), "true");
		}
	}

}
