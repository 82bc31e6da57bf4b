package io.pxwizard.status;

/**
 * The install's components, in the order the status page lists them. Which pods belong to
 * each is catalogue data ({@code px.status-components}: libopenstorage/operator's
 * component selectors); each title is {@code status.component.<id>} in
 * messages.properties.
 */
public enum Component {

	OPERATOR, PORTWORX, API, STORK, STORK_SCHEDULER, CSI, LIGHTHOUSE, AUTOPILOT, PROMETHEUS_OPERATOR, PROMETHEUS,

	/** The operator's {@code px-node-wiper} pods, only while Portworx is uninstalled. */
	NODE_WIPER;

	/** {@code stork-scheduler}: the catalogue's and the messages' name for it. */
	public String id() {
		return name().toLowerCase().replace('_', '-');
	}

	/** The SSE event that carries this group's re-rendered table. */
	public String eventName() {
		return "group-" + id();
	}

}
