package io.pxwizard.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The seed document's spec and helpers to vary it. */
public final class Specs {

	public static final String ESSENTIALS_ID = "152f6083-a52f-11ea-97e6-f6e09c7a4e5e";

	public static final String CLUSTER_NAME = "px-cluster-5580daf5-57f3-4aeb-90ca-85559026e817";

	/** The seed's second URL's query, byte for byte. */
	public static final String SEED_QUERY = "operator=true&mc=false&kbver=&oem=esse&user=" + ESSENTIALS_ID
			+ "&b=true&f=true&j=auto&c=" + CLUSTER_NAME + "&stork=true&csi=true&lh=true&mon=true&st=k8s&promop=true";

	public static final String SEED_OPERATOR_COMMAND = "kubectl apply -f 'https://install.portworx.com/2.8?comp=pxoperator'";

	public static final String SEED_SPEC_COMMAND = "kubectl apply -f 'https://install.portworx.com/2.8?" + SEED_QUERY
			+ "'";

	private Specs() {
	}

	/** The seed's parameters, in order, to change one at a time. */
	public static Map<String, String> seedParameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : SEED_QUERY.split("&")) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return parameters;
	}

	public static SpecParameters seedWith(String name, String value) {
		Map<String, String> parameters = seedParameters();
		parameters.put(name, value);
		return SpecParameters.of(parameters);
	}

	/** The seed with more parameters, as name, value, name, value. */
	public static SpecParameters seedWith(String... pairs) {
		Map<String, String> parameters = seedParameters();
		for (int i = 0; i < pairs.length; i += 2) {
			parameters.put(pairs[i], pairs[i + 1]);
		}
		return SpecParameters.of(parameters);
	}

	public static SpecParameters seedWithout(String name) {
		Map<String, String> parameters = seedParameters();
		parameters.remove(name);
		return SpecParameters.of(parameters);
	}

}
