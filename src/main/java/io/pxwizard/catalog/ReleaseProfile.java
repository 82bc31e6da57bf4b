package io.pxwizard.catalog;

import java.util.List;
import java.util.Map;

/**
 * How Portworx Central writes the specs of one line of releases: what varies between
 * release lines lives here, as data, so adding a release is an edit of the catalogue.
 *
 * @param name what the releases refer to it by
 * @param parameterOrder the order of the spec URL's parameters; {@code <distribution>}
 * stands for the distribution flags; a parameter not listed is not offered by that line
 * (kept as given when a URL carries it)
 * @param operatorParameters the spec's parameters the operator command carries after
 * {@code comp=pxoperator}, where the spec has them
 * @param telemetryWrittenWhenOn whether {@code tel=true} is written for telemetry on
 * (2.12 and later) or only {@code tel=false} for off
 * @param newSpec parameters a new spec of this line starts with, over the catalogue's
 * defaults
 * @param nodeMinimums what Portworx documents each node needs for this line
 */
public record ReleaseProfile(String name, List<String> parameterOrder, List<String> operatorParameters,
		boolean telemetryWrittenWhenOn, Map<String, String> newSpec, NodeMinimums nodeMinimums) {

	/** Where the distribution flags stand in {@link #parameterOrder()}. */
	public static final String DISTRIBUTION_FLAGS = "<distribution>";

	public ReleaseProfile {
		parameterOrder = List.copyOf(parameterOrder);
		operatorParameters = (operatorParameters != null) ? List.copyOf(operatorParameters) : List.of();
		newSpec = (newSpec != null) ? Map.copyOf(newSpec) : Map.of();
		nodeMinimums = (nodeMinimums != null) ? nodeMinimums : new NodeMinimums(4, "4Gi");
	}

	/**
	 * Portworx's documented minimums for a node.
	 *
	 * @param cpu cores
	 * @param memory a Kubernetes quantity ({@code 8Gi})
	 */
	public record NodeMinimums(int cpu, String memory) {
	}

	public boolean offers(String parameter) {
		return parameterOrder.contains(parameter);
	}

}
