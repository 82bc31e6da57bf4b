package io.pxwizard.model;

import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.ReleaseProfile;

/**
 * {@code stork}, {@code csi}, {@code lh}, {@code mon}, {@code promop}, {@code tel} and
 * {@code aut}, written and mapped as real Portworx Central specs show
 * (src/test/resources/conformance): Stork, telemetry and Autopilot are on unless switched
 * off; a switched-off telemetry leaves no telemetry block; Autopilot gets no explicit
 * provider (the operator fills its default, which on OpenShift 4.12 and later is
 * OpenShift's Prometheus).
 */
final class ComponentFamily implements OptionFamily<ComponentOptions> {

	static final String STORK = "stork";

	static final String CSI = "csi";

	static final String LIGHTHOUSE = "lh";

	static final String MONITORING = "mon";

	static final String PROMETHEUS_OPERATOR = "promop";

	static final String TELEMETRY = "tel";

	static final String AUTOPILOT = "aut";

	@Override
	public String name() {
		return OptionFamilies.COMPONENTS;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(STORK, CSI, LIGHTHOUSE, MONITORING, PROMETHEUS_OPERATOR, TELEMETRY, AUTOPILOT);
	}

	@Override
	public ComponentOptions read(SpecParameters state, FieldErrors errors) {
		ComponentOptions options = new ComponentOptions(ParameterRules.flag(state, STORK, true, errors),
				ParameterRules.flag(state, CSI, errors), ParameterRules.flag(state, LIGHTHOUSE, errors),
				ParameterRules.flag(state, MONITORING, errors), ParameterRules.flag(state, PROMETHEUS_OPERATOR, errors),
				ParameterRules.flag(state, TELEMETRY, true, errors),
				ParameterRules.flag(state, AUTOPILOT, true, errors), !state.get(STORK).isEmpty(),
				!state.get(TELEMETRY).isEmpty());
		if (options.prometheusOperator() && !options.monitoring()) {
			errors.reject(PROMETHEUS_OPERATOR, "error.promop");
		}
		return options;
	}

	@Override
	public void describe(ComponentOptions options, StorageClusterDraft cluster) {
		cluster.set("stork.enabled", options.stork());
		if (options.stork()) {
			cluster.set("stork.args.webhook-controller", String.valueOf(cluster.release().storkWebhook()));
		}
		if (options.csi()) {
			switch (cluster.release().csi()) {
				case FEATURE_GATE -> cluster.set("featureGates.CSI", "true");
				case SPEC -> cluster.set("csi.enabled", true);
			}
		}
		if (options.lighthouse()) {
			cluster.set("userInterface.enabled", true);
		}
		cluster.set("autopilot.enabled", options.autopilot());
		if (options.telemetry()) {
			cluster.set("monitoring.telemetry.enabled", true);
		}
		if (options.monitoring()) {
			cluster.set("monitoring.prometheus.enabled", options.prometheusOperator());
			cluster.set("monitoring.prometheus.exportMetrics", true);
		}
	}

	@Override
	public void write(ComponentOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (options.storkGiven() || !options.stork()) {
			parameters.put(STORK, String.valueOf(options.stork()));
		}
		putWhen(options.csi(), CSI, parameters);
		putWhen(options.lighthouse(), LIGHTHOUSE, parameters);
		putWhen(options.monitoring(), MONITORING, parameters);
		putWhen(options.prometheusOperator(), PROMETHEUS_OPERATOR, parameters);
		if (!options.telemetry()) {
			parameters.put(TELEMETRY, "false");
		}
		else if (options.telemetryGiven() && profile.telemetryWrittenWhenOn()) {
			parameters.put(TELEMETRY, "true");
		}
		if (!options.autopilot()) {
			parameters.put(AUTOPILOT, "false");
		}
	}

	private static void putWhen(boolean on, String flag, Map<String, String> parameters) {
		if (on) {
			parameters.put(flag, "true");
		}
	}

}
