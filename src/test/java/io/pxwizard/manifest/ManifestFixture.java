package io.pxwizard.manifest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.TestCatalog;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.SpecReading;
import io.pxwizard.model.Specs;

import static org.assertj.core.api.Assertions.assertThat;

/** The manifest renderers over the real catalogue, without a Spring context. */
public final class ManifestFixture {

	public final PortworxCatalog catalog = TestCatalog.get();

	public final SpecQuery specQuery = new SpecQuery(catalog);

	final ClusterSpecManifest clusterSpec = new ClusterSpecManifest(catalog, specQuery);

	public final InstallManifests manifests = new InstallManifests(catalog, specQuery, new OperatorManifest(catalog),
			clusterSpec, new ManifestYaml(), new StorageClassManifest(catalog));

	public final ImageMirror imageMirror = new ImageMirror(catalog);

	public InstallSpec spec(String version, Map<String, String> parameters) {
		SpecReading reading = specQuery.read(version, SpecParameters.of(parameters));
		assertThat(reading.errors().all()).isEmpty();
		return reading.spec();
	}

	public InstallSpec seed() {
		return spec("2.8", Specs.seedParameters());
	}

	public InstallSpec seedWith(String... pairs) {
		Map<String, String> parameters = Specs.seedParameters();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] == null) {
				parameters.remove(pairs[i]);
			}
			else {
				parameters.put(pairs[i], pairs[i + 1]);
			}
		}
		return spec("2.8", parameters);
	}

	/**
	 * Reads YAML the way {@code kubectl apply -f} does, through fabric8's loader, with no
	 * cluster behind it.
	 */
	public static List<HasMetadata> load(String yaml) {
		Config config = new ConfigBuilder().withMasterUrl("https://127.0.0.1:1").build();
		try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
			return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
		}
	}

}
