package io.pxwizard.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything the wizard offers, bound from {@code px:} in application.yaml: releases,
 * distributions, secrets stores and the defaults a new spec starts with.
 */
@ConfigurationProperties("px")
public record PortworxCatalog(String installBaseUrl, List<ReleaseProfile> profiles, List<PortworxRelease> releases,
		List<ComponentSet> componentSets, List<MirroredComponents> mirroredComponents, List<Distribution> distributions,
		List<SecretsStore> secretsStores, Images images, String essentialsBillingEndpoint,
		List<String> storageClusterFieldOrder, List<StatusComponent> statusComponents, DiskScan diskScan,
		List<UpgradePath> upgradePaths, List<StorageClassPreset> storageClassPresets, Defaults defaults) {

	public PortworxCatalog {
		upgradePaths = (upgradePaths != null) ? List.copyOf(upgradePaths) : List.of();
		storageClassPresets = (storageClassPresets != null) ? List.copyOf(storageClassPresets) : List.of();
		profiles = List.copyOf(profiles);
		componentSets = List.copyOf(componentSets);
		mirroredComponents = List.copyOf(mirroredComponents);
		for (PortworxRelease release : releases) {
			if (profiles.stream().noneMatch((profile) -> profile.name().equals(release.profile()))) {
				throw new IllegalArgumentException("Release " + release.version() + " names profile '"
						+ release.profile() + "', which px.profiles lacks");
			}
			if (componentSets.stream().noneMatch((set) -> set.name().equals(release.componentSet()))) {
				throw new IllegalArgumentException("Release " + release.version() + " names component set '"
						+ release.componentSet() + "', which px.component-sets lacks");
			}
		}
		storageClusterFieldOrder = List.copyOf(storageClusterFieldOrder);
		statusComponents = List.copyOf(statusComponents);
		// Newest first whatever order the file lists them in: the drop-down and the
		// default depend on it.
		releases = releases.stream()
			.sorted(Comparator.comparing(PortworxRelease::version, PortworxCatalog::compareVersions).reversed())
			.toList();
		distributions = List.copyOf(distributions);
		secretsStores = List.copyOf(secretsStores);
	}

	public PortworxRelease newestRelease() {
		return releases.get(0);
	}

	public Optional<StorageClassPreset> storageClassPreset(String id) {
		return storageClassPresets.stream().filter((preset) -> preset.id().equals(id)).findFirst();
	}

	public Optional<PortworxRelease> release(String version) {
		return releases.stream().filter((release) -> release.version().equals(version)).findFirst();
	}

	/** How Portworx Central writes the specs of a release. */
	public ReleaseProfile profile(PortworxRelease release) {
		return profiles.stream()
			.filter((profile) -> profile.name().equals(release.profile()))
			.findFirst()
			.orElseThrow();
	}

	/** The images the operator starts for a release besides Portworx itself. */
	public ComponentSet components(PortworxRelease release) {
		return componentSets.stream()
			.filter((set) -> set.name().equals(release.componentSet()))
			.findFirst()
			.orElseThrow();
	}

	public Optional<Distribution> distribution(String id) {
		return distributions.stream().filter((distribution) -> distribution.id().equals(id)).findFirst();
	}

	public Distribution noDistribution() {
		return distributions.stream().filter(Distribution::isNone).findFirst().orElseThrow();
	}

	public boolean isSecretsStore(String value) {
		return secretsStores.stream().anyMatch((store) -> store.value().equals(value));
	}

	/** Compares dotted numeric versions ({@code 2.10} is newer than {@code 2.9}). */
	public static int compareVersions(String left, String right) {
		String[] a = left.split("\\.");
		String[] b = right.split("\\.");
		for (int i = 0; i < Math.max(a.length, b.length); i++) {
			int x = (i < a.length) ? Integer.parseInt(a[i]) : 0;
			int y = (i < b.length) ? Integer.parseInt(b[i]) : 0;
			if (x != y) {
				return Integer.compare(x, y);
			}
		}
		return 0;
	}

	/**
	 * Image repositories, without tag or registry.
	 *
	 * @param portworx the Portworx image ({@code spec.image}), tagged with the release's
	 * image version
	 * @param operator the operator image, tagged with the release's operator version
	 * @param publicRegistries registry hosts the operator strips from an image before
	 * moving it to a custom registry (libopenstorage/operator {@code pkg/util/util.go},
	 * {@code commonDockerRegistries})
	 */
	public record Images(String portworx, String operator, List<String> publicRegistries, String kubeScheduler,
			Map<String, String> kubeSchedulerPins) {

		public Images {
			publicRegistries = List.copyOf(publicRegistries);
			kubeSchedulerPins = (kubeSchedulerPins != null) ? Map.copyOf(kubeSchedulerPins) : Map.of();
		}

	}

	/**
	 * px-wizard's disk scan.
	 *
	 * @param image a small public image with {@code sh} and {@code chroot} (lsblk is the
	 * node's own); moved by a spec's custom registry like every image
	 */
	public record DiskScan(String image) {
	}

	/**
	 * What a new spec starts with.
	 *
	 * @param clusterNamePrefix prefix of the generated cluster name
	 * ({@code px-cluster-<uuid>})
	 * @param namespace where Portworx goes when {@code ns=} is absent
	 * @param parameters the query parameters a new spec starts with
	 */
	public record Defaults(String clusterNamePrefix, String namespace, Map<String, String> parameters) {

		public Defaults {
			parameters = Map.copyOf(parameters);
		}

	}

}
