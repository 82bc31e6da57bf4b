package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.OperatorRequest;
import io.pxwizard.model.SpecQuery;

import org.springframework.stereotype.Component;

/**
 * The manifests the two install URLs stand for, as objects and as the YAML px-wizard
 * serves.
 */
@Component
public class InstallManifests {

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final OperatorManifest operatorManifest;

	private final ClusterSpecManifest clusterSpecManifest;

	private final ManifestYaml yaml;

	private final StorageClassManifest storageClassManifest;

	/**
	 * Kinds Portworx's templates write {@code kind} before {@code apiVersion} (real specs
	 * and operator manifests).
	 */
	private static final List<String> KIND_FIRST = List.of(PortworxApi.STORAGE_CLUSTER, "ClusterRole",
			"ClusterRoleBinding");

	private final ManifestYaml.FieldOrder storageClusterOrder;

	/**
	 * Rendered YAML by spec URL: serializing is the finish page's largest cost (measured,
	 * bench/README.md) and a spec URL always renders the same bytes. Bounded, least
	 * recently used out.
	 */
	private final Map<String, String> rendered = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > 256;
		}
	});

	InstallManifests(PortworxCatalog catalog, SpecQuery specQuery, OperatorManifest operatorManifest,
			ClusterSpecManifest clusterSpecManifest, ManifestYaml yaml, StorageClassManifest storageClassManifest) {
		this.storageClassManifest = storageClassManifest;
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.operatorManifest = operatorManifest;
		this.clusterSpecManifest = clusterSpecManifest;
		this.yaml = yaml;
		this.storageClusterOrder = new ManifestYaml.FieldOrder(catalog.storageClusterFieldOrder());
	}

	public List<HasMetadata> operatorObjects(OperatorRequest request) {
		return operatorManifest.objects(request);
	}

	public List<HasMetadata> clusterObjects(InstallSpec spec) {
		return clusterSpecManifest.objects(spec, specQuery.sourceUrl(spec));
	}

	public String operatorYaml(OperatorRequest request) {
		return rendered.computeIfAbsent("operator " + request, (key) -> write(null, operatorObjects(request)));
	}

	/**
	 * The cluster spec after a {@code # SOURCE:} line naming the public URL it stands
	 * for, as Portworx Central does.
	 */
	public String clusterYaml(InstallSpec spec) {
		String url = specQuery.sourceUrl(spec);
		return rendered.computeIfAbsent("cluster " + spec.version() + " " + url,
				(key) -> write(url, clusterObjects(spec)));
	}

	/** Both, in the order they must be applied: operator first. */
	public String allYaml(InstallSpec spec) {
		String url = specQuery.sourceUrl(spec);
		return rendered.computeIfAbsent("all " + spec.version() + " " + url, (key) -> {
			List<HasMetadata> objects = new ArrayList<>(operatorObjects(specQuery.operatorRequest(spec)));
			objects.addAll(clusterObjects(spec));
			return write(url, objects);
		});
	}

	/** The spec's StorageClasses, applied once Portworx is Online. */
	public List<HasMetadata> storageClassObjects(InstallSpec spec) {
		return storageClassManifest.objects(specQuery.storageClasses(spec));
	}

	/** Their YAML, empty without StorageClasses. */
	public String storageClassYaml(InstallSpec spec) {
		List<HasMetadata> objects = storageClassObjects(spec);
		return objects.isEmpty() ? "" : write(null, objects);
	}

	private String write(String source, List<HasMetadata> objects) {
		return yaml.write(source, objects, KIND_FIRST, storageClusterOrder);
	}

}
