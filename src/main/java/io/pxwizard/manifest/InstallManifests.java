package io.pxwizard.manifest;

import java.util.ArrayList;
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
		return yaml.write(null, operatorObjects(request));
	}

	/** The cluster spec after a {@code # SOURCE:} line naming the public URL it stands for, as Portworx Central does. */
	public String clusterYaml(InstallSpec spec) {
		return yaml.write(publicSpecUrl(spec), clusterObjects(spec));
	}

	/** Both, in the order they must be applied: operator first. */
	public String allYaml(InstallSpec spec) {
		List<HasMetadata> objects = new ArrayList<>(operatorObjects(specQuery.operatorRequest(spec)));
		objects.addAll(clusterObjects(spec));
		return yaml.write(publicSpecUrl(spec), objects);
	}

	private String publicSpecUrl(InstallSpec spec) {
		return specQuery.commands(spec, catalog.installBaseUrl()).specUrl();
	}

}
