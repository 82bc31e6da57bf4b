package io.pxwizard.status;

import java.util.Map;

/**
 * The install's components, in the order the status page lists them, each with the pod
 * label that marks its pods (libopenstorage/operator's component selectors, PORTWORX.md
 * section 4).
 */
public enum Component {

	OPERATOR("Portworx operator", "name", "portworx-operator"), PORTWORX("Portworx nodes", "name", "portworx"),
	API("Portworx API", "name", "portworx-api"), STORK("Stork", "name", "stork"),
	STORK_SCHEDULER("Stork scheduler", "name", "stork-scheduler"), CSI("CSI", "app", "px-csi-driver"),
	LIGHTHOUSE("Lighthouse", "tier", "px-web-console"), AUTOPILOT("Autopilot", "name", "autopilot"),
	PROMETHEUS_OPERATOR("Prometheus operator", "k8s-app", "px-prometheus-operator"),
	PROMETHEUS("Prometheus", "prometheus", "px-prometheus");

	private final String title;

	private final String labelKey;

	private final String labelValue;

	Component(String title, String labelKey, String labelValue) {
		this.title = title;
		this.labelKey = labelKey;
		this.labelValue = labelValue;
	}

	public String title() {
		return title;
	}

	/** {@code name=portworx}, as kubectl's {@code -l} takes it. */
	public String selector() {
		return labelKey + "=" + labelValue;
	}

	/** The SSE event that carries this group's re-rendered table. */
	public String eventName() {
		return "group-" + name().toLowerCase().replace('_', '-');
	}

	/**
	 * The component a pod belongs to, or {@code null} for a pod that is not Portworx's.
	 */
	public static Component of(Map<String, String> labels) {
		if (labels == null) {
			return null;
		}
		for (Component component : values()) {
			if (component.labelValue.equals(labels.get(component.labelKey))) {
				return component;
			}
		}
		return null;
	}

}
