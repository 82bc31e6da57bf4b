package io.pxwizard.uninstall;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.pxwizard.web.PrintableText;

/**
 * What the administrator answered on the uninstall page, checked as cloud consoles check
 * a destructive action: a strategy chosen, the cluster's name typed exactly, and the
 * volumes that become unusable accepted.
 *
 * @param strategyName the {@link DeleteStrategy} chosen, by name
 * @param clusterName the name typed
 * @param volumesAccepted whether the box that accepts the volumes' loss is ticked
 */
public record UninstallForm(String strategyName, String clusterName, boolean volumesAccepted) {

	static final String STRATEGY = "strategy";

	static final String CLUSTER_NAME = "clusterName";

	static final String VOLUMES_ACCEPTED = "volumesAccepted";

	/** Problems with the spec or the cluster rather than a field. */
	static final String SPEC = "spec";

	public UninstallForm {
		// Shown back in the form: no control character reaches the page.
		clusterName = (clusterName != null) ? PrintableText.of(clusterName.strip()) : "";
	}

	Optional<DeleteStrategy> strategy() {
		return Arrays.stream(DeleteStrategy.values())
			.filter((strategy) -> strategy.name().equals(strategyName))
			.findFirst();
	}

	/**
	 * The message key of every wrong answer, by field; empty when the uninstall may go.
	 * @param expectedName the name that must be typed
	 * @param volumesPresent whether Portworx volumes are on the cluster
	 */
	Map<String, String> errors(String expectedName, boolean volumesPresent) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (strategy().isEmpty()) {
			errors.put(STRATEGY, "uninstall.error.strategy");
		}
		if (!clusterName.equals(expectedName)) {
			errors.put(CLUSTER_NAME, "uninstall.error.clusterName");
		}
		if (volumesPresent && !volumesAccepted) {
			errors.put(VOLUMES_ACCEPTED, strategy().filter(DeleteStrategy::wipes).isPresent()
					? "uninstall.error.volumesWiped" : "uninstall.error.volumes");
		}
		return errors;
	}

}
