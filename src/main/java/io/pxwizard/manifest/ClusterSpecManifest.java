package io.pxwizard.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.spec.InstallSpec;
import io.pxwizard.spec.SpecQuery;
import io.pxwizard.spec.StorageClusterDraft;

import org.springframework.stereotype.Component;

/**
 * What the spec URL ({@code ?operator=true&…}) returns: the StorageCluster with every field the options map to, and
 * for Portworx Essentials the {@code px-essential} Secret the operator checks.
 */
@Component
public class ClusterSpecManifest {

	public static final String API_VERSION = "core.libopenstorage.org/v1";

	public static final String KIND = "StorageCluster";

	public static final String ESSENTIALS_SECRET = "px-essential";

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	ClusterSpecManifest(PortworxCatalog catalog, SpecQuery specQuery) {
		this.catalog = catalog;
		this.specQuery = specQuery;
	}

	/**
	 * @param sourceUrl the URL this spec stands for, recorded in the {@code portworx.io/install-source} annotation
	 */
	public List<HasMetadata> objects(InstallSpec spec, String sourceUrl) {
		String namespace = specQuery.namespace(spec);
		List<HasMetadata> objects = new ArrayList<>();
		objects.add(storageCluster(spec, sourceUrl, namespace));
		if (spec.edition().isEssentials()) {
			objects.add(new SecretBuilder().withNewMetadata()
				.withName(ESSENTIALS_SECRET)
				.withNamespace(namespace)
				.endMetadata()
				.withType("Opaque")
				.addToData("px-essen-user-id", base64(spec.edition().essentialsId()))
				.addToData("px-osb-endpoint", base64(catalog.essentialsBillingEndpoint()))
				.build());
		}
		return objects;
	}

	/** The StorageCluster alone, with the fields each option family sets. */
	public StorageClusterDraft draft(InstallSpec spec) {
		StorageClusterDraft draft = new StorageClusterDraft(spec.release());
		draft.set("image", ImageReference.of(catalog.images().portworx(), spec.release().imageVersion(),
				spec.registry().registry()));
		specQuery.describe(spec, draft);
		return draft;
	}

	private GenericKubernetesResource storageCluster(InstallSpec spec, String sourceUrl, String namespace) {
		StorageClusterDraft draft = draft(spec);
		GenericKubernetesResource cluster = new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION)
			.withKind(KIND)
			.withNewMetadata()
			.withName(spec.cluster().name())
			.withNamespace(namespace)
			.addToAnnotations("portworx.io/install-source", sourceUrl)
			.addToAnnotations(draft.annotations())
			.endMetadata()
			.build();
		cluster.setAdditionalProperty("spec", draft.spec());
		return cluster;
	}

	private static String base64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
