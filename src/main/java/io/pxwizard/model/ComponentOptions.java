package io.pxwizard.model;

/**
 * Components the operator deploys next to Portworx ("Advanced Settings").
 *
 * @param stork Stork: on unless {@code stork=false} (Portworx Central reads a missing
 * {@code stork} as on)
 * @param csi CSI ({@code csi=true})
 * @param lighthouse the Lighthouse UI ({@code lh=true})
 * @param monitoring exported metrics ({@code mon=true})
 * @param prometheusOperator a Portworx-managed Prometheus operator ({@code promop=true})
 * @param telemetry telemetry: on unless {@code tel=false}
 * @param autopilot Autopilot: on unless {@code aut=false}
 * @param storkGiven whether the URL says {@code stork=} at all, so a URL without it is
 * written back without it
 * @param telemetryGiven whether the URL says {@code tel=} at all
 */
public record ComponentOptions(boolean stork, boolean csi, boolean lighthouse, boolean monitoring,
		boolean prometheusOperator, boolean telemetry, boolean autopilot, boolean storkGiven, boolean telemetryGiven) {

	/**
	 * Whether the component a spec parameter switches ({@code stork}, {@code csi}, ...)
	 * is on.
	 */
	public boolean isOn(String parameter) {
		return switch (parameter) {
			case ComponentFamily.STORK -> stork;
			case ComponentFamily.CSI -> csi;
			case ComponentFamily.LIGHTHOUSE -> lighthouse;
			case ComponentFamily.MONITORING -> monitoring;
			case ComponentFamily.PROMETHEUS_OPERATOR -> prometheusOperator;
			case ComponentFamily.TELEMETRY -> telemetry;
			case ComponentFamily.AUTOPILOT -> autopilot;
			default -> false;
		};
	}

}
