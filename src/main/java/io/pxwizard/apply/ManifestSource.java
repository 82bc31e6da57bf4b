package io.pxwizard.apply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.cluster.ClusterProperties;
import io.pxwizard.manifest.InstallManifests;
import io.pxwizard.model.InstallCommands;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.SpecQuery;

import org.springframework.stereotype.Component;

/**
 * Where Apply's manifests come from: rendered here (air-gapped), or fetched from
 * install.portworx.com with exactly the URLs of the commands.
 */
@Component
class ManifestSource {

	private final PortworxCatalog catalog;

	private final SpecQuery specQuery;

	private final InstallManifests manifests;

	private final HttpClient http;

	private final ClusterProperties properties;

	ManifestSource(PortworxCatalog catalog, SpecQuery specQuery, InstallManifests manifests,
			ClusterProperties properties) {
		this.catalog = catalog;
		this.specQuery = specQuery;
		this.manifests = manifests;
		this.properties = properties;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	ApplyPlan plan(InstallSpec spec, boolean local, KubernetesClient client) {
		String namespace = specQuery.namespace(spec);
		if (local) {
			return new ApplyPlan(manifests.operatorObjects(specQuery.operatorRequest(spec)),
					manifests.clusterObjects(spec), namespace, catalog.upgradePaths(),
					manifests.storageClassObjects(spec));
		}
		InstallCommands commands = specQuery.commands(spec, catalog.installBaseUrl());
		// The StorageClasses are px-wizard's own: rendered here whatever the source.
		return new ApplyPlan(fetch(commands.operatorUrl(), client), fetch(commands.specUrl(), client), namespace,
				catalog.upgradePaths(), manifests.storageClassObjects(spec));
	}

	private List<HasMetadata> fetch(String url, KubernetesClient client) {
		try {
			HttpResponse<byte[]> response = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(properties.requestTimeout()).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new FetchFailed(url, "answered HTTP " + response.statusCode(), null);
			}
			try {
				return client.load(new ByteArrayInputStream(response.body())).items();
			}
			catch (RuntimeException ex) {
				throw new FetchFailed(url, "answered something that is not Kubernetes YAML (" + ex.getMessage() + ")",
						ex);
			}
		}
		catch (IOException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			throw new FetchFailed(url, "could not be fetched (" + reason + "). Where the internet cannot be reached, "
					+ "choose Manifests from: this server (air-gapped)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchFailed(url, "interrupted while fetching", ex);
		}
	}

	/**
	 * install.portworx.com (or the configured source) did not give the manifests: its URL
	 * and why.
	 */
	static final class FetchFailed extends RuntimeException {

		private final String url;

		FetchFailed(String url, String reason, Throwable cause) {
			super(reason, cause);
			this.url = url;
		}

		String url() {
			return url;
		}

	}

}
