package io.pxwizard.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.catalog.ReleaseProfile;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Reads, validates and writes the wizard state in install.portworx.com's query language,
 * as each release line writes it (its {@link ReleaseProfile}): the one place that knows
 * which family owns which parameter and in which order they are written. The language is
 * a superset of what px-wizard models: any other parameter is kept as given.
 */
@Component
public class SpecQuery {

	/**
	 * The form field that picks the Portworx version; in a URL the version is the path.
	 */
	public static final String VERSION = "version";

	/** Names a request carries beside the spec that are never spec parameters. */
	private static final Set<String> NOT_PARAMETERS = Set.of(VERSION, "source", "comp", "dryRun", "confirmed");

	/**
	 * Parameter names as Portworx Central writes them; anything else is refused rather
	 * than echoed.
	 */
	private static final Pattern KEPT_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");

	private static final int MAX_KEPT = 32;

	private static final int MAX_KEPT_VALUE = 1024;

	private final PortworxCatalog catalog;

	private final List<OptionFamily<?>> families;

	private final BasicFamily basic = new BasicFamily();

	private final RegistryFamily registry = new RegistryFamily();

	private final DistributionFamily distribution;

	public SpecQuery(PortworxCatalog catalog) {
		this.catalog = catalog;
		this.families = OptionFamilies.all(catalog);
		this.distribution = (DistributionFamily) family(OptionFamilies.DISTRIBUTION);
	}

	/**
	 * The state of a new spec of a release: its line's defaults and a fresh
	 * {@code px-cluster-<uuid>} name.
	 */
	public SpecParameters newSpec(String version) {
		Map<String, String> state = new LinkedHashMap<>(catalog.defaults().parameters());
		catalog.release(version).map(catalog::profile).ifPresent((profile) -> state.putAll(profile.newSpec()));
		state.put(ClusterFamily.NAME, catalog.defaults().clusterNamePrefix() + "-" + UUID.randomUUID());
		return SpecParameters.of(ordered(version, state));
	}

	/**
	 * A new spec of a release naming a cluster that runs already: its StorageCluster's
	 * name (a fresh one when {@code null}) and namespace, so its plan names the objects
	 * an install of it applied.
	 */
	public SpecParameters forRunningCluster(String version, String clusterName, String namespace) {
		SpecParameters spec = newSpec(version).replacing(Set.of(ClusterFamily.NAMESPACE),
				Map.of(ClusterFamily.NAMESPACE, namespace));
		return (clusterName != null)
				? spec.replacing(Set.of(ClusterFamily.NAME), Map.of(ClusterFamily.NAME, clusterName)) : spec;
	}

	/**
	 * Reads a whole spec; every family is checked so every wrong field gets its message
	 * at once.
	 */
	public SpecReading read(String version, SpecParameters state) {
		FieldErrors errors = new FieldErrors();
		PortworxRelease release = catalog.release(version).orElse(null);
		if (release == null) {
			errors.reject(VERSION, "error.version", version);
		}
		ReleaseProfile profile = profileOf(version);
		Split split = split(profile, state, errors);
		Map<String, Object> options = new LinkedHashMap<>();
		for (OptionFamily<?> family : families) {
			options.put(family.name(), family.read(split.modelled(), errors));
		}
		return new SpecReading(new InstallSpec(release, profile, options, split.kept()), errors);
	}

	/**
	 * Reads what an operator URL ({@code ?comp=pxoperator&kbver=&ns=&reg=&rsec=}) asks
	 * for.
	 */
	public OperatorReading readOperatorRequest(String version, SpecParameters state) {
		FieldErrors errors = new FieldErrors();
		PortworxRelease release = catalog.release(version).orElse(null);
		if (release == null) {
			errors.reject(VERSION, "error.version", version);
		}
		BasicOptions basicOptions = basic.read(state, errors);
		String namespace = ClusterFamily.namespace(state, errors);
		RegistryOptions registryOptions = registry.read(state, errors);
		return new OperatorReading(
				new OperatorRequest(release, basicOptions.kubernetesVersion(), namespace, registryOptions), errors);
	}

	/** The operator request of a whole spec. */
	public OperatorRequest operatorRequest(InstallSpec spec) {
		return new OperatorRequest(spec.release(), spec.basic().kubernetesVersion(), spec.cluster().namespace(),
				spec.registry());
	}

	/**
	 * Lets every option family set the StorageCluster fields its options map to, in the
	 * registry's order (annotations in Portworx Central's order: the distribution's
	 * before Essentials' misc-args).
	 */
	public void describe(InstallSpec spec, StorageClusterDraft draft) {
		for (OptionFamily<?> family : families) {
			describe(family, spec.option(family.name()), draft);
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> void describe(OptionFamily<T> family, Object options, StorageClusterDraft draft) {
		family.describe((T) options, draft);
	}

	@SuppressWarnings("unchecked")
	private static <T> void write(OptionFamily<T> family, Object options, ReleaseProfile profile,
			Map<String, String> parameters) {
		family.write((T) options, profile, parameters);
	}

	/**
	 * The spec's query parameters in its release line's order, the kept ones where the
	 * URL had them.
	 */
	public Map<String, String> parameters(InstallSpec spec) {
		ReleaseProfile profile = spec.profile();
		Map<String, String> parameters = new LinkedHashMap<>();
		for (OptionFamily<?> family : families) {
			write(family, spec.option(family.name()), profile, parameters);
		}
		if (!spec.usesOperator()) {
			// The DaemonSet spec has no Prometheus operator to manage.
			parameters.remove(ComponentFamily.PROMETHEUS_OPERATOR);
		}
		return withKept(ordered(profile, parameters), spec.kept());
	}

	/** The parameters Portworx Central writes: px-wizard's own left out. */
	private Map<String, String> portworxParameters(InstallSpec spec) {
		Map<String, String> parameters = parameters(spec);
		families.stream()
			.filter((family) -> !family.writtenByPortworxCentral())
			.forEach((family) -> parameters.keySet().removeAll(family.parameters()));
		return parameters;
	}

	/** The StorageClasses a spec creates once Portworx is Online. */
	public StorageClassOptions storageClasses(InstallSpec spec) {
		return (StorageClassOptions) spec.option(OptionFamilies.STORAGE_CLASSES);
	}

	/**
	 * {@code name=value&...} of a wizard state in its release line's order, each value
	 * percent-encoded; what is not a spec parameter is left out, parameters px-wizard
	 * does not model stay where they stood.
	 */
	public String queryString(String version, Map<String, String> state) {
		ReleaseProfile profile = profileOf(version);
		Split split = split(profile, SpecParameters.of(state), new FieldErrors());
		return encoded(withKept(ordered(profile, split.modelled().asMap()), split.kept()));
	}

	public String queryString(InstallSpec spec) {
		return encoded(parameters(spec));
	}

	/**
	 * The spec's query with another Kubernetes version ({@code kbver=}), as the preflight
	 * offers the cluster's.
	 */
	public String queryStringWithKubernetesVersion(InstallSpec spec, String kubernetesVersion) {
		Map<String, String> parameters = parameters(spec);
		parameters.put(BasicFamily.KUBERNETES_VERSION, kubernetesVersion);
		return queryString(spec.version(), parameters);
	}

	/** {@code name=value&...} in the map's order, names and values percent-encoded. */
	private static String encoded(Map<String, String> parameters) {
		return parameters.entrySet()
			.stream()
			.map((entry) -> UriUtils.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ UriUtils.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	/**
	 * Takes one page's form into the wizard state: the families the page asks for read
	 * their fields. Going forward, the page's answers must be valid; going back they are
	 * kept as typed where they are not, so nothing is lost.
	 */
	public StepOutcome takeFamilies(String version, Collection<String> familyNames, SpecParameters form,
			boolean forward) {
		FieldErrors errors = new FieldErrors();
		ReleaseProfile profile = profileOf(version);
		Split split = split(profile, form, errors);
		Map<String, String> written = new LinkedHashMap<>();
		for (OptionFamily<?> family : families(familyNames)) {
			takeFamily(family, profile, split.modelled(), forward, errors, written);
		}
		Set<String> replaced = new HashSet<>(fieldsOf(familyNames));
		split.kept().forEach((kept) -> replaced.remove(kept.name()));
		SpecParameters next = form.replacing(replaced, written);
		return new StepOutcome(SpecParameters.of(ordered(version, next.asMap())), errors);
	}

	/**
	 * The parameters of a state that px-wizard keeps as given for this release rather
	 * than models.
	 */
	public List<KeptParameter> kept(String version, SpecParameters state) {
		return split(profileOf(version), state, new FieldErrors()).kept();
	}

	/**
	 * The state after the Basic page chose another release: the old line's new-spec
	 * defaults that were left as they were give way to the new line's
	 * ({@code ns=portworx} and {@code iop=6} come and go with 3.x).
	 */
	public SpecParameters switchRelease(SpecParameters state, String from, String to) {
		ReleaseProfile oldProfile = profileOf(from);
		ReleaseProfile newProfile = profileOf(to);
		if (oldProfile.equals(newProfile)) {
			return state;
		}
		Map<String, String> next = new LinkedHashMap<>(state.asMap());
		oldProfile.newSpec().forEach((name, value) -> {
			if (value.equals(next.get(name)) && !value.equals(newProfile.newSpec().get(name))) {
				next.remove(name);
			}
		});
		newProfile.newSpec().forEach(next::putIfAbsent);
		return SpecParameters.of(ordered(to, next));
	}

	private <T> void takeFamily(OptionFamily<T> family, ReleaseProfile profile, SpecParameters form, boolean forward,
			FieldErrors errors, Map<String, String> written) {
		FieldErrors own = new FieldErrors();
		T options = family.read(form, own);
		if (!own.hasErrors()) {
			family.write(options, profile, written);
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

	/**
	 * The query parameters and form-only fields of these families, which a page asking
	 * for them owns.
	 */
	public Set<String> fieldsOf(Collection<String> familyNames) {
		Set<String> owned = new HashSet<>();
		for (OptionFamily<?> family : families(familyNames)) {
			owned.addAll(family.parameters());
			owned.addAll(family.formOnlyFields());
		}
		return owned;
	}

	/**
	 * The form-only fields' values a page shows when opened from a URL, where only
	 * parameters are.
	 */
	public Map<String, String> impliedFormValues(Collection<String> familyNames, SpecParameters state) {
		Map<String, String> implied = new LinkedHashMap<>();
		families(familyNames).forEach((family) -> implied.putAll(family.impliedFormValues(state)));
		return implied;
	}

	/**
	 * The commands of a spec whose manifests are served under {@code baseUrl}. Portworx
	 * Central's operator command carries what its release line writes there; px-wizard's
	 * own server is told everything it renders the operator with.
	 */
	public InstallCommands commands(InstallSpec spec, String baseUrl) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		boolean portworxCentral = base.equals(stripSlash(catalog.installBaseUrl()));
		String versionPath = base + "/" + UriUtils.encodePathSegment(spec.version(), StandardCharsets.UTF_8);
		String operatorUrl = null;
		if (spec.usesOperator()) {
			Map<String, String> specParameters = parameters(spec);
			Map<String, String> operatorParameters = new LinkedHashMap<>();
			operatorParameters.put("comp", "pxoperator");
			List<String> carried = portworxCentral ? spec.profile().operatorParameters()
					: List.of(BasicFamily.KUBERNETES_VERSION, ClusterFamily.NAMESPACE, RegistryFamily.REGISTRY,
							RegistryFamily.PULL_SECRET, RegistryFamily.PULL_POLICY);
			for (String name : carried) {
				if (specParameters.containsKey(name) && (portworxCentral || !specParameters.get(name).isEmpty())) {
					operatorParameters.put(name, specParameters.get(name));
				}
			}
			operatorUrl = versionPath + "?" + encoded(operatorParameters);
		}
		return new InstallCommands(operatorUrl, versionPath + "?" + encoded(portworxParameters(spec)), namespace(spec));
	}

	/**
	 * The URL a spec's file names in its {@code # SOURCE:} line and
	 * {@code portworx.io/install-source} annotation: Portworx Central's, without the
	 * version segment, as every real spec has it.
	 */
	public String sourceUrl(InstallSpec spec) {
		return stripSlash(catalog.installBaseUrl()) + "/?" + encoded(portworxParameters(spec));
	}

	/** Where the install's objects and pods live. */
	public String namespace(InstallSpec spec) {
		return spec.cluster().namespace().isEmpty() ? catalog.defaults().namespace() : spec.cluster().namespace();
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	/**
	 * The profile of a release; an unknown version is read by the newest line's rules
	 * (its error says why).
	 */
	private ReleaseProfile profileOf(String version) {
		return catalog.profile(catalog.release(version).orElse(catalog.newestRelease()));
	}

	/**
	 * Splits a state into what the families model for this release line (and the
	 * form-only fields of the pages) and the parameters kept as given, each with the
	 * names that stood before it.
	 */
	private Split split(ReleaseProfile profile, SpecParameters state, FieldErrors errors) {
		Map<String, String> modelled = new LinkedHashMap<>();
		List<KeptParameter> kept = new ArrayList<>();
		List<String> before = new ArrayList<>();
		for (Map.Entry<String, String> entry : state.asMap().entrySet()) {
			String name = entry.getKey();
			if (NOT_PARAMETERS.contains(name)) {
				continue;
			}
			OptionFamily<?> owner = owner(name);
			boolean offered = (owner != null) && (owner.formOnlyFields().contains(name) || profile.offers(name)
					|| !owner.writtenByPortworxCentral()
					|| (owner == distribution && profile.offers(ReleaseProfile.DISTRIBUTION_FLAGS)));
			if (offered && !owner.keepsAsGiven(name, entry.getValue())) {
				modelled.put(name, entry.getValue());
			}
			else if (checkKept(name, entry.getValue(), kept.size(), errors)) {
				kept.add(new KeptParameter(name, entry.getValue(), nearestFirst(before)));
			}
			before.add(name);
		}
		return new Split(SpecParameters.of(modelled), kept);
	}

	private static List<String> nearestFirst(List<String> names) {
		List<String> reversed = new ArrayList<>(names);
		java.util.Collections.reverse(reversed);
		return reversed;
	}

	private boolean checkKept(String name, String value, int keptSoFar, FieldErrors errors) {
		if (!KEPT_NAME.matcher(name).matches()) {
			errors.reject(name, "error.kept.name", name);
			return false;
		}
		if (keptSoFar >= MAX_KEPT) {
			errors.reject(name, "error.kept.tooMany", MAX_KEPT);
			return false;
		}
		return ParameterRules.withinLength(name, value, MAX_KEPT_VALUE, errors);
	}

	private OptionFamily<?> owner(String name) {
		for (OptionFamily<?> family : families) {
			if (family.parameters().contains(name) || family.formOnlyFields().contains(name)) {
				return family;
			}
		}
		return null;
	}

	private List<OptionFamily<?>> families(Collection<String> names) {
		return families.stream().filter((family) -> names.contains(family.name())).toList();
	}

	private OptionFamily<?> family(String name) {
		return families.stream().filter((family) -> family.name().equals(name)).findFirst().orElseThrow();
	}

	/**
	 * A state in its release line's order, form-only fields after the parameters, kept
	 * parameters in place.
	 */
	private Map<String, String> ordered(String version, Map<String, String> state) {
		ReleaseProfile profile = profileOf(version);
		Split split = split(profile, SpecParameters.of(state), new FieldErrors());
		Map<String, String> ordered = withKept(ordered(profile, split.modelled().asMap()), split.kept());
		split.modelled().asMap().forEach(ordered::putIfAbsent);
		return ordered;
	}

	/**
	 * The modelled parameters in the profile's order, px-wizard's own last; names the
	 * profile does not list are left out.
	 */
	private Map<String, String> ordered(ReleaseProfile profile, Map<String, String> parameters) {
		Map<String, String> ordered = portworxOrdered(profile, parameters);
		for (OptionFamily<?> family : families) {
			if (!family.writtenByPortworxCentral()) {
				family.parameters().stream().filter(parameters::containsKey).sorted().forEach((name) -> {
					ordered.put(name, parameters.get(name));
				});
			}
		}
		return ordered;
	}

	private Map<String, String> portworxOrdered(ReleaseProfile profile, Map<String, String> parameters) {
		Map<String, String> ordered = new LinkedHashMap<>();
		for (String name : profile.parameterOrder()) {
			if (name.equals(ReleaseProfile.DISTRIBUTION_FLAGS)) {
				for (String flag : distribution.parameters()) {
					if (parameters.containsKey(flag)) {
						ordered.put(flag, parameters.get(flag));
					}
				}
			}
			else if (parameters.containsKey(name)) {
				ordered.put(name, parameters.get(name));
			}
		}
		return ordered;
	}

	/**
	 * Puts each kept parameter right after the nearest name that stood before it in the
	 * URL and is written.
	 */
	private static Map<String, String> withKept(Map<String, String> ordered, List<KeptParameter> kept) {
		if (kept.isEmpty()) {
			return ordered;
		}
		List<Map.Entry<String, String>> entries = new ArrayList<>(ordered.entrySet());
		for (KeptParameter parameter : kept) {
			int at = 0;
			search: for (String name : parameter.preceding()) {
				for (int i = entries.size() - 1; i >= 0; i--) {
					if (entries.get(i).getKey().equals(name)) {
						at = i + 1;
						break search;
					}
				}
			}
			entries.add(at, Map.entry(parameter.name(), parameter.value()));
		}
		Map<String, String> result = new LinkedHashMap<>();
		entries.forEach((entry) -> result.put(entry.getKey(), entry.getValue()));
		return result;
	}

	/**
	 * A state split into what px-wizard models for the release and what it keeps as
	 * given.
	 */
	private record Split(SpecParameters modelled, List<KeptParameter> kept) {
	}

	/** An operator URL read: the request, meaningful when there are no errors. */
	public record OperatorReading(OperatorRequest request, FieldErrors errors) {

		public boolean isValid() {
			return !errors.hasErrors();
		}

	}

	/**
	 * A page's form taken into the wizard state: the next state and the page's problems.
	 */
	public record StepOutcome(SpecParameters state, FieldErrors errors) {
	}

}
