package io.pxwizard.manifest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecQuery;
import io.pxwizard.model.StorageClusterDraft;

import org.springframework.stereotype.Component;

/**
 * What the spec URL ({@code ?operator=true&…}) returns: the StorageCluster with every
 * field the options map to, and for Portworx Essentials the {@code px-essential} Secret
 * the operator checks.
 */
@Component
public class ClusterSpecManifest {

	/** Informational: names the spec URL; the operator never reads it. */
	public static final String INSTALL_SOURCE = "portworx.io/install-source";

	public static final String ESSENTIALS_SECRET = "px-essential";

	/** The only namespace the operator reads the Essentials Secret from. */
	public static final String ESSENTIALS_SECRET_NAMESPACE = "kube-system";

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	ClusterSpecManifest(PortworxCatalog catalog, SpecQuery specQuery) {
		this.catalog = catalog;
		this.specQuery = specQuery;
	}

	/**
	 * @param sourceUrl the URL this spec stands for, recorded in the
	 * {@code portworx.io/install-source} annotation
	 */
	public List<HasMetadata> objects(InstallSpec spec, String sourceUrl) {
		String namespace = specQuery.namespace(spec);
		List<HasMetadata> objects = new ArrayList<>();
		objects.add(storageCluster(spec, sourceUrl, namespace));
		if (spec.edition().isEssentials()) {
			// The operator reads it from kube-system whatever the cluster's namespace
			// (libopenstorage/operator
			// drivers/storage/portworx/portworx.go, api.NamespaceSystem), and Portworx
			// Central writes it there.
			objects.add(new SecretBuilder().withNewMetadata()
				.withName(ESSENTIALS_SECRET)
				.withNamespace(ESSENTIALS_SECRET_NAMESPACE)
				.endMetadata()
				.addToData("px-essen-user-id", base64(spec.edition().essentialsId()))
				.addToData("px-osb-endpoint", base64(catalog.essentialsBillingEndpoint()))
				.build());
		}
		return objects;
	}

	/** The StorageCluster alone, with the fields each option family sets. */
	public StorageClusterDraft draft(InstallSpec spec) {
		StorageClusterDraft draft = new StorageClusterDraft(spec.release());
		// Never moved here: the operator moves it by spec.customImageRegistry
		// (GetImageURN), as every image it starts.
		draft.set("image", catalog.images().portworx() + ":" + spec.release().imageVersion());
		specQuery.describe(spec, draft);
		return draft;
	}

	private GenericKubernetesResource storageCluster(InstallSpec spec, String sourceUrl, String namespace) {
		StorageClusterDraft draft = draft(spec);
		GenericKubernetesResource cluster = new GenericKubernetesResourceBuilder()
			.withApiVersion(PortworxApi.API_VERSION)
			.withKind(PortworxApi.STORAGE_CLUSTER)
			.withNewMetadata()
			.withName(spec.cluster().name())
			.withNamespace(namespace)
			.addToAnnotations(INSTALL_SOURCE, sourceUrl)
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
