package io.pxwizard.model;

import java.util.List;

/**
 * The StorageCluster itself.
 *
 * @param name the cluster name ({@code c=}), {@code px-cluster-<uuid>} unless changed
 * @param namespace where Portworx goes ({@code ns=}), empty for the default
 * @param secretsStore the secrets store type ({@code st=})
 * @param environment environment variables for Portworx ({@code e=NAME=value,...})
 */
public record ClusterOptions(String name, String namespace, String secretsStore,
		List<EnvironmentVariable> environment) {

	public ClusterOptions {
		environment = List.copyOf(environment);
	}

	/** One {@code NAME=value} of {@code e=}. */
	public record EnvironmentVariable(String name, String value) {

		@Override
		public String toString() {
			return name + "=" + value;
		}

	}

}
