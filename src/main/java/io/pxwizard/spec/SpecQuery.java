package io.pxwizard.spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.wizard.WizardStep;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Reads, validates and writes the wizard state in install.portworx.com's query language. The one place that knows the
 * parameters' canonical order and which family owns which parameter.
 */
@Component
public class SpecQuery {

	/** The form field that picks the Portworx version; in a URL the version is the path. */
	public static final String VERSION = "version";

	/**
	 * The order Portworx Central writes parameters in. The seed's URL fixes the order of
	 * {@code operator mc kbver oem user b f j c stork csi lh mon st promop}; a real 2.8 spec URL puts {@code k} where
	 * {@code b} goes and {@code tel} between {@code mon} and {@code st}; the others follow the wizard's pages. The
	 * distribution flags go where {@code DISTRIBUTION_FLAGS} stands.
	 */
	static final List<String> CANONICAL_ORDER = List.of("operator", "mc", "kbver", "oem", "user", "b", "k", "s", "f",
			"j", "kd", "d", "m", "c", "DISTRIBUTION_FLAGS", "stork", "csi", "lh", "mon", "tel", "st", "promop", "ns",
			"reg", "rsec", "pp", "e");

	private final PortworxCatalog catalog;

	private final BasicFamily basic = new BasicFamily();

	private final EditionFamily edition = new EditionFamily();

	private final KvdbFamily kvdb = new KvdbFamily();

	private final StorageFamily storage = new StorageFamily();

	private final NetworkFamily network = new NetworkFamily();

	private final DistributionFamily distribution;

	private final ComponentFamily components = new ComponentFamily();

	private final ClusterFamily cluster;

	private final RegistryFamily registry = new RegistryFamily();

	private final List<OptionFamily<?>> families;

	private final List<String> order;

	public SpecQuery(PortworxCatalog catalog) {
		this.catalog = catalog;
		this.distribution = new DistributionFamily(catalog);
		this.cluster = new ClusterFamily(catalog);
		this.families = List.of(basic, edition, kvdb, storage, network, distribution, components, cluster, registry);
		List<String> order = new ArrayList<>();
		for (String name : CANONICAL_ORDER) {
			if (name.equals("DISTRIBUTION_FLAGS")) {
				order.addAll(distribution.parameters());
			}
			else {
				order.add(name);
			}
		}
		this.order = List.copyOf(order);
	}

	/** The state of a new spec: the catalogue's defaults and a fresh {@code px-cluster-<uuid>} name. */
	public SpecParameters newSpec() {
		Map<String, String> state = new LinkedHashMap<>(catalog.defaults().parameters());
		state.put(ClusterFamily.NAME, catalog.defaults().clusterNamePrefix() + "-" + UUID.randomUUID());
		return SpecParameters.of(state);
	}

	/** Reads a whole spec; every family is checked so every wrong field gets its message at once. */
	public SpecReading read(String version, SpecParameters state) {
		FieldErrors errors = new FieldErrors();
		PortworxRelease release = catalog.release(version).orElse(null);
		if (release == null) {
			errors.reject(VERSION, "error.version", version);
		}
		InstallSpec spec = new InstallSpec(release, basic.read(state, errors), edition.read(state, errors),
				kvdb.read(state, errors), storage.read(state, errors), network.read(state, errors),
				distribution.read(state, errors), components.read(state, errors), cluster.read(state, errors),
				registry.read(state, errors));
		return new SpecReading(spec, errors, firstStepWithErrors(errors));
	}

	/** Reads what an operator URL ({@code ?comp=pxoperator&kbver=&ns=&reg=&rsec=}) asks for. */
	public OperatorReading readOperatorRequest(String version, SpecParameters state) {
		FieldErrors errors = new FieldErrors();
		PortworxRelease release = catalog.release(version).orElse(null);
		if (release == null) {
			errors.reject(VERSION, "error.version", version);
		}
		BasicOptions basicOptions = basic.read(state, errors);
		String namespace = state.trimmed(ClusterFamily.NAMESPACE);
		if (!namespace.isEmpty() && !ParameterRules.DNS_LABEL.matcher(namespace).matches()) {
			errors.reject(ClusterFamily.NAMESPACE, "error.dnsLabel");
		}
		RegistryOptions registryOptions = registry.read(state, errors);
		return new OperatorReading(
				new OperatorRequest(release, basicOptions.kubernetesVersion(), namespace, registryOptions), errors);
	}

	/** The operator request of a whole spec. */
	public OperatorRequest operatorRequest(InstallSpec spec) {
		return new OperatorRequest(spec.release(), spec.basic().kubernetesVersion(), spec.cluster().namespace(),
				spec.registry());
	}

	/** Lets every option family set the StorageCluster fields its options map to. */
	public void describe(InstallSpec spec, StorageClusterDraft draft) {
		basic.describe(spec.basic(), draft);
		edition.describe(spec.edition(), draft);
		kvdb.describe(spec.kvdb(), draft);
		storage.describe(spec.storage(), draft);
		network.describe(spec.network(), draft);
		distribution.describe(spec.distribution(), draft);
		components.describe(spec.components(), draft);
		cluster.describe(spec.cluster(), draft);
		registry.describe(spec.registry(), draft);
	}

	/** The spec's query parameters in canonical order. */
	public Map<String, String> parameters(InstallSpec spec) {
		Map<String, String> parameters = new LinkedHashMap<>();
		basic.write(spec.basic(), parameters);
		edition.write(spec.edition(), parameters);
		kvdb.write(spec.kvdb(), parameters);
		storage.write(spec.storage(), parameters);
		network.write(spec.network(), parameters);
		distribution.write(spec.distribution(), parameters);
		components.write(spec.components(), parameters);
		cluster.write(spec.cluster(), parameters);
		registry.write(spec.registry(), parameters);
		if (!spec.usesOperator()) {
			// The DaemonSet spec has no Prometheus operator to manage.
			parameters.remove(ComponentFamily.PROMETHEUS_OPERATOR);
		}
		return ordered(parameters);
	}

	/** {@code name=value&...} in canonical order, each value percent-encoded; names that are not parameters are left out. */
	public String queryString(Map<String, String> parameters) {
		return encoded(ordered(parameters));
	}

	/** {@code name=value&...} in the map's order, each value percent-encoded. */
	private static String encoded(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + UriUtils.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	public String queryString(InstallSpec spec) {
		return queryString(parameters(spec));
	}

	/**
	 * Takes one page's form into the wizard state. Going forward, the page's answers must be valid; going back they are
	 * kept as typed where they are not, so nothing is lost.
	 */
	public StepOutcome takeStep(WizardStep step, SpecParameters form, boolean forward) {
		FieldErrors errors = new FieldErrors();
		Map<String, String> written = new LinkedHashMap<>();
		for (OptionFamily<?> family : familiesOf(step)) {
			takeFamily(family, form, forward, errors, written);
		}
		if (step == WizardStep.BASIC && catalog.release(form.get(VERSION)).isEmpty()) {
			errors.reject(VERSION, "error.version", form.get(VERSION));
		}
		SpecParameters next = form.replacing(ownedFields(step), written);
		return new StepOutcome(SpecParameters.of(ordered(next.asMap())), errors);
	}

	private <T> void takeFamily(OptionFamily<T> family, SpecParameters form, boolean forward, FieldErrors errors,
			Map<String, String> written) {
		FieldErrors own = new FieldErrors();
		T options = family.read(form, own);
		if (!own.hasErrors()) {
			family.write(options, written);
			return;
		}
		if (forward) {
			own.all().forEach((p) -> errors.reject(p.field(), p.code(), p.argumentArray()));
		}
		for (String name : family.parameters()) {
			if (form.has(name)) {
				written.put(name, form.get(name));
			}
		}
	}

	/** The query parameters and form-only fields the page asks for, which it must not also carry hidden. */
	public Set<String> ownedFields(WizardStep step) {
		Set<String> owned = new HashSet<>();
		for (OptionFamily<?> family : familiesOf(step)) {
			owned.addAll(family.parameters());
			owned.addAll(family.formOnlyFields());
		}
		if (step == WizardStep.BASIC) {
			owned.add(VERSION);
		}
		return owned;
	}

	/** The form-only fields' values a page shows when opened from a URL, where only parameters are. */
	public Map<String, String> impliedFormValues(WizardStep step, SpecParameters state) {
		Map<String, String> implied = new LinkedHashMap<>();
		familiesOf(step).forEach((family) -> implied.putAll(family.impliedFormValues(state)));
		return implied;
	}

	/** The commands of a spec whose manifests are served under {@code baseUrl} (install.portworx.com by default). */
	public InstallCommands commands(InstallSpec spec, String baseUrl) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		String versionPath = base + "/" + UriUtils.encodePathSegment(spec.version(), StandardCharsets.UTF_8);
		String operatorUrl = null;
		if (spec.usesOperator()) {
			Map<String, String> operatorParameters = new LinkedHashMap<>();
			operatorParameters.put("comp", "pxoperator");
			if (!spec.basic().kubernetesVersion().isEmpty()) {
				operatorParameters.put(BasicFamily.KUBERNETES_VERSION, spec.basic().kubernetesVersion());
			}
			if (!spec.cluster().namespace().isEmpty()) {
				operatorParameters.put(ClusterFamily.NAMESPACE, spec.cluster().namespace());
			}
			// The operator's own image comes from the custom registry too.
			if (!spec.registry().registry().isEmpty()) {
				operatorParameters.put(RegistryFamily.REGISTRY, spec.registry().registry());
			}
			if (!spec.registry().pullSecret().isEmpty()) {
				operatorParameters.put(RegistryFamily.PULL_SECRET, spec.registry().pullSecret());
			}
			operatorUrl = versionPath + "?" + encoded(operatorParameters);
		}
		return new InstallCommands(operatorUrl, versionPath + "?" + queryString(spec), namespace(spec));
	}

	/** Where the install's objects and pods live. */
	public String namespace(InstallSpec spec) {
		return spec.cluster().namespace().isEmpty() ? catalog.defaults().namespace() : spec.cluster().namespace();
	}

	private List<OptionFamily<?>> familiesOf(WizardStep step) {
		return families.stream().filter((family) -> family.step() == step).toList();
	}

	private WizardStep firstStepWithErrors(FieldErrors errors) {
		for (WizardStep step : WizardStep.values()) {
			Set<String> fields = ownedFields(step);
			if (errors.all().stream().anyMatch((problem) -> fields.contains(problem.field()))) {
				return step;
			}
		}
		return errors.hasErrors() ? WizardStep.BASIC : null;
	}

	private Map<String, String> ordered(Map<String, String> parameters) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String name : order) {
			if (parameters.containsKey(name)) {
				ordered.put(name, parameters.get(name));
			}
		}
		return ordered;
	}

	/** An operator URL read: the request, meaningful when there are no errors. */
	public record OperatorReading(OperatorRequest request, FieldErrors errors) {

		public boolean isValid() {
			return !errors.hasErrors();
		}

	}

	/** A page's form taken into the wizard state: the next state and the page's problems. */
	public record StepOutcome(SpecParameters state, FieldErrors errors) {
	}

}
