package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.spec.InstallSpec;
import io.pxwizard.spec.OperatorRequest;
import io.pxwizard.spec.SpecQuery;

import org.springframework.stereotype.Component;

/** The manifests the two install URLs stand for, as objects and as the YAML px-wizard serves. */
@Component
public class InstallManifests {

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final OperatorManifest operatorManifest;

	private final ClusterSpecManifest clusterSpecManifest;

	private final ManifestYaml yaml;

	/**
	 * Rendered YAML by spec URL: serializing is the finish page's largest cost (measured, bench/README.md) and a spec
	 * URL always renders the same bytes. Bounded, least recently used out.
	 */
	private final Map<String, String> rendered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > 256;
		}
	});

	InstallManifests(PortworxCatalog catalog, SpecQuery specQuery, OperatorManifest operatorManifest,
			ClusterSpecManifest clusterSpecManifest, ManifestYaml yaml) {
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.operatorManifest = operatorManifest;
		this.clusterSpecManifest = clusterSpecManifest;
		this.yaml = yaml;
	}

	public List<HasMetadata> operatorObjects(OperatorRequest request) {
		return operatorManifest.objects(request);
	}

	public List<HasMetadata> clusterObjects(InstallSpec spec) {
		return clusterSpecManifest.objects(spec, publicSpecUrl(spec));
	}

	public String operatorYaml(OperatorRequest request) {
		return rendered.computeIfAbsent("operator " + request, (key) -> yaml.write(null, operatorObjects(request)));
	}

	/** The cluster spec after a {@code # SOURCE:} line naming the public URL it stands for, as Portworx Central does. */
	public String clusterYaml(InstallSpec spec) {
		String url = publicSpecUrl(spec);
		return rendered.computeIfAbsent("cluster " + url, (key) -> yaml.write(url, clusterObjects(spec)));
	}

	/** Both, in the order they must be applied: operator first. */
	public String allYaml(InstallSpec spec) {
		String url = publicSpecUrl(spec);
		return rendered.computeIfAbsent("all " + url, (key) -> {
			List<HasMetadata> objects = new ArrayList<>(operatorObjects(specQuery.operatorRequest(spec)));
			objects.addAll(clusterObjects(spec));
			return yaml.write(url, objects);
		});
	}

	private String publicSpecUrl(InstallSpec spec) {
		return specQuery.commands(spec, catalog.installBaseUrl()).specUrl();
	}

}
