package io.pxwizard.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pxwizard.wizard.WizardStep;

/** {@code stork}, {@code csi}, {@code lh}, {@code mon}, {@code promop} and {@code tel}. */
final class ComponentFamily implements OptionFamily<ComponentOptions> {

	static final String STORK = "stork";

	static final String CSI = "csi";

	static final String LIGHTHOUSE = "lh";

	static final String MONITORING = "mon";

	static final String PROMETHEUS_OPERATOR = "promop";

	static final String TELEMETRY = "tel";

	@Override
	public WizardStep step() {
		return WizardStep.CUSTOMIZE;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(STORK, CSI, LIGHTHOUSE, MONITORING, PROMETHEUS_OPERATOR, TELEMETRY);
	}

	@Override
	public ComponentOptions read(SpecParameters state, FieldErrors errors) {
		ComponentOptions options = new ComponentOptions(ParameterRules.flag(state, STORK, errors),
				ParameterRules.flag(state, CSI, errors), ParameterRules.flag(state, LIGHTHOUSE, errors),
				ParameterRules.flag(state, MONITORING, errors), ParameterRules.flag(state, PROMETHEUS_OPERATOR, errors),
				ParameterRules.flag(state, TELEMETRY, true, errors));
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
		if (options.prometheusOperator()) {
			// Autopilot reads its metrics from the Prometheus the operator installs, as generated specs pair them.
			cluster.set("autopilot.enabled", true);
			Map<String, Object> provider = new LinkedHashMap<>();
			provider.put("name", "default");
			provider.put("type", "prometheus");
			provider.put("params", Map.of("url", "http://px-prometheus:9090"));
			cluster.set("autopilot.providers", List.of(provider));
		}
		if (options.monitoring()) {
			cluster.set("monitoring.prometheus.enabled", options.prometheusOperator());
			cluster.set("monitoring.prometheus.exportMetrics", true);
		}
		cluster.set("monitoring.telemetry.enabled", options.telemetry());
	}

	@Override
	public void write(ComponentOptions options, Map<String, String> parameters) {
		putWhen(options.stork(), STORK, parameters);
		putWhen(options.csi(), CSI, parameters);
		putWhen(options.lighthouse(), LIGHTHOUSE, parameters);
		putWhen(options.monitoring(), MONITORING, parameters);
		putWhen(options.prometheusOperator(), PROMETHEUS_OPERATOR, parameters);
		if (!options.telemetry()) {
			parameters.put(TELEMETRY, "false");
		}
	}

	private static void putWhen(boolean on, String flag, Map<String, String> parameters) {
		if (on) {
			parameters.put(flag, "true");
		}
	}

}
