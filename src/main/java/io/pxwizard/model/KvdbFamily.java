package io.pxwizard.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.ReleaseProfile;

/** {@code b=true} (built-in) or {@code k=etcd:http://host:port,...} (your own etcd). */
final class KvdbFamily implements OptionFamily<KvdbOptions> {

	static final String BUILT_IN = "b";

	static final String ETCD = "k";

	private static final String ETCD_PREFIX = "etcd:";

	private static final int MAX_ENDPOINTS = 5;

	@Override
	public String name() {
		return OptionFamilies.KVDB;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(BUILT_IN, ETCD);
	}

	@Override
	public Map<String, String> impliedFormValues(SpecParameters state) {
		// The radio button "b": Built-in (true) or Your etcd details (false).
		return Map.of(BUILT_IN, (state.isTrue(BUILT_IN) || !state.has(ETCD)) ? "true" : "false");
	}

	@Override
	public KvdbOptions read(SpecParameters state, FieldErrors errors) {
		FieldErrors flagErrors = new FieldErrors();
		boolean builtIn = ParameterRules.flag(state, BUILT_IN, flagErrors)
				|| (!state.has(BUILT_IN) && !state.has(ETCD));
		if (flagErrors.hasErrors()) {
			errors.reject(BUILT_IN, "error.choice");
			return new KvdbOptions(true, List.of());
		}
		if (builtIn) {
			return new KvdbOptions(true, List.of());
		}
		String typed = state.get(ETCD);
		if (!ParameterRules.withinLength(ETCD, typed, 1024, errors)) {
			return new KvdbOptions(false, List.of());
		}
		List<String> endpoints = new ArrayList<>();
		for (String item : ParameterRules.items(typed)) {
			String endpoint = item.startsWith(ETCD_PREFIX) ? item : ETCD_PREFIX + item;
			if (!isEndpoint(endpoint.substring(ETCD_PREFIX.length()))) {
				errors.reject(ETCD, "error.etcd.format", item);
			}
			endpoints.add(endpoint);
		}
		if (endpoints.isEmpty()) {
			errors.reject(ETCD, "error.etcd.missing");
		}
		else if (endpoints.size() > MAX_ENDPOINTS) {
			errors.reject(ETCD, "error.etcd.tooMany", MAX_ENDPOINTS);
		}
		return new KvdbOptions(false, endpoints);
	}

	/** An http(s) URL with a host and a port and nothing else. */
	private static boolean isEndpoint(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getPort() > 0 && uri.getPort() <= 65535 && uri.getRawUserInfo() == null
					&& (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
					&& uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	@Override
	public void describe(KvdbOptions options, StorageClusterDraft cluster) {
		if (options.builtIn()) {
			cluster.set("kvdb.internal", true);
		}
		else {
			cluster.set("kvdb.endpoints", options.etcdEndpoints());
		}
	}

	@Override
	public void write(KvdbOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (options.builtIn()) {
			parameters.put(BUILT_IN, "true");
		}
		else {
			parameters.put(ETCD, String.join(",", options.etcdEndpoints()));
		}
	}

}
