package io.pxwizard.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.pxwizard.catalog.PortworxRelease;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterSpecManifestTests {

	/**
	 * The StorageCluster spec's field paths as the operator's own CRD schema defines them
	 * (libopenstorage/operator deploy/crds/core_v1_storagecluster_crd.yaml; its source
	 * commit is the file's first line). A map whose keys are free
	 * (preserve-unknown-fields: featureGates, runtimeOptions, Stork's args) takes any key
	 * below it.
	 */
	static final Set<String> SCHEMA = schema();

	private static Set<String> schema() {
		try {
			String text = new ClassPathResource("crd/storagecluster-spec-paths.txt")
				.getContentAsString(StandardCharsets.UTF_8);
			Set<String> paths = new java.util.HashSet<>();
			for (String line : text.lines().toList()) {
				if (line.startsWith("#") || !line.startsWith("spec.")) {
					continue;
				}
				String[] columns = line.split("\t");
				String path = columns[0].substring("spec.".length()).replace("[]", "");
				paths.add(path);
				if (columns.length > 1 && columns[1].contains("preserve-unknown-fields")) {
					paths.add(path + ".*");
				}
			}
			return Set.copyOf(paths);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private final ManifestFixture fixture = new ManifestFixture();

	@Test
	void seedSpecMatchesTheGoldenYaml() throws IOException {
		String golden = new ClassPathResource("golden/seed-2.8-spec.yaml").getContentAsString(StandardCharsets.UTF_8);
		assertThat(fixture.manifests.clusterYaml(fixture.seed())).isEqualTo(golden);
	}

	@Test
	void seedSpecIsAStorageClusterAndTheEssentialsSecret() {
		List<HasMetadata> objects = ManifestFixture.load(fixture.manifests.clusterYaml(fixture.seed()));
		assertThat(objects).extracting(HasMetadata::getKind).containsExactly("StorageCluster", "Secret");
		GenericKubernetesResource cluster = (GenericKubernetesResource) objects.get(0);
		assertThat(cluster.getApiVersion()).isEqualTo("core.libopenstorage.org/v1");
		assertThat(cluster.getMetadata().getName()).isEqualTo(Specs.CLUSTER_NAME);
		assertThat(cluster.getMetadata().getNamespace()).isEqualTo("kube-system");
		assertThat(cluster.getMetadata().getAnnotations()).containsEntry("portworx.io/misc-args", "--oem esse")
			// Real specs name the URL without its version segment.
			.containsEntry("portworx.io/install-source", "https://install.portworx.com/?" + Specs.SEED_QUERY);
		Secret secret = (Secret) objects.get(1);
		assertThat(secret.getMetadata().getName()).isEqualTo("px-essential");
		assertThat(decode(secret, "px-essen-user-id")).isEqualTo(Specs.ESSENTIALS_ID);
		assertThat(decode(secret, "px-osb-endpoint"))
			.isEqualTo("https://pxessentials.portworx.com/osb/billing/v1/register");
	}

	@Test
	void enterpriseHasNoSecretAndNoOemArgument() {
		InstallSpec spec = fixture.seedWith("oem", null, "user", null);
		List<HasMetadata> objects = fixture.manifests.clusterObjects(spec);
		assertThat(objects).extracting(HasMetadata::getKind).containsExactly("StorageCluster");
		assertThat(objects.get(0).getMetadata().getAnnotations()).doesNotContainKey("portworx.io/misc-args");
	}

	@Test
	void eachOptionSetsItsField() {
		// f=true: useAllWithPartitions and forceUseDisks instead of useAll (real 2.12.1
		// Essentials spec).
		assertThat(paths(fixture.seed())).containsEntry("image", "portworx/oci-monitor:2.8.1.5")
			.containsEntry("kvdb.internal", true)
			.containsEntry("storage.useAllWithPartitions", true)
			.containsEntry("storage.forceUseDisks", true)
			.containsEntry("storage.journalDevice", "auto")
			.containsEntry("stork.enabled", true)
			.containsEntry("stork.args.webhook-controller", "false")
			.containsEntry("featureGates.CSI", "true")
			.containsEntry("userInterface.enabled", true)
			.containsEntry("monitoring.prometheus.enabled", true)
			.containsEntry("monitoring.prometheus.exportMetrics", true)
			.containsEntry("monitoring.telemetry.enabled", true)
			.containsEntry("autopilot.enabled", true)
			.containsEntry("secretsProvider", "k8s")
			.containsEntry("imagePullPolicy", "Always")
			.doesNotContainKeys("csi.enabled", "storage.devices", "storage.kvdbDevice", "network.dataInterface",
					"storage.useAll", "autopilot.providers");
		assertThat(paths(fixture.seedWith("b", null, "k", "etcd:http://10.0.0.1:2379,etcd:http://10.0.0.2:2379")))
			.containsEntry("kvdb.endpoints", List.of("etcd:http://10.0.0.1:2379", "etcd:http://10.0.0.2:2379"))
			.doesNotContainKey("kvdb.internal");
		assertThat(paths(fixture.seedWith("s", "/dev/sdb,/dev/sdc", "f", null, "j", null)))
			.containsEntry("storage.devices", List.of("/dev/sdb", "/dev/sdc"))
			.doesNotContainKeys("storage.useAll", "storage.forceUseDisks", "storage.journalDevice");
		assertThat(paths(fixture.seedWith("f", null))).containsEntry("storage.useAll", true)
			.doesNotContainKeys("storage.useAllWithPartitions", "storage.forceUseDisks");
		assertThat(paths(fixture.seedWith("kd", "/dev/sdd"))).containsEntry("storage.kvdbDevice", "/dev/sdd");
		assertThat(paths(fixture.seedWith("d", "eth1", "m", "eth2"))).containsEntry("network.dataInterface", "eth1")
			.containsEntry("network.mgmtInterface", "eth2");
		// Portworx Central reads a missing stork as on; stork=false switches it off.
		assertThat(paths(fixture.seedWith("stork", null))).containsEntry("stork.enabled", true);
		assertThat(paths(fixture.seedWith("stork", "false"))).containsEntry("stork.enabled", false)
			.doesNotContainKey("stork.args.webhook-controller");
		assertThat(paths(fixture.seedWith("csi", null))).doesNotContainKey("featureGates.CSI");
		assertThat(paths(fixture.seedWith("lh", null))).doesNotContainKey("userInterface.enabled");
		// Autopilot has its own parameter (aut), on unless aut=false, and is not tied to
		// the Prometheus operator.
		assertThat(paths(fixture.seedWith("promop", null))).containsEntry("monitoring.prometheus.enabled", false)
			.containsEntry("autopilot.enabled", true);
		assertThat(paths(fixture.seedWith("aut", "false"))).containsEntry("autopilot.enabled", false);
		assertThat(paths(fixture.seedWith("mon", null, "promop", null)))
			.doesNotContainKeys("monitoring.prometheus.enabled", "monitoring.prometheus.exportMetrics");
		// tel=false leaves no telemetry block at all (real 2.8.1.5, 2.9, 2.10, 2.13
		// specs).
		assertThat(paths(fixture.seedWith("tel", "false"))).doesNotContainKey("monitoring.telemetry.enabled");
		assertThat(paths(fixture.seedWith("st", "vault"))).containsEntry("secretsProvider", "vault");
		assertThat(paths(fixture.seedWith("pp", "IfNotPresent", "rsec", "regcred")))
			.containsEntry("imagePullPolicy", "IfNotPresent")
			.containsEntry("imagePullSecret", "regcred");
		assertThat(paths(fixture.seedWith("e", "A=1,B=two words"))).containsEntry("env",
				List.of(Map.of("name", "A", "value", "1"), Map.of("name", "B", "value", "two words")));
		InstallSpec v32 = fixture.spec("3.2", Specs.seedParameters());
		assertThat(paths(v32)).containsEntry("csi.enabled", true)
			.containsEntry("stork.args.webhook-controller", "true")
			.containsEntry("image",
					"portworx/oci-monitor:" + fixture.catalog.release("3.2").orElseThrow().imageVersion())
			.doesNotContainKey("featureGates.CSI");
	}

	@Test
	void distributionAndNamespaceGoIntoMetadata() {
		InstallSpec spec = fixture.seedWith("osft", "true", "ns", "portworx");
		List<HasMetadata> objects = fixture.manifests.clusterObjects(spec);
		assertThat(objects.get(0).getMetadata().getAnnotations()).containsEntry("portworx.io/is-openshift", "true");
		assertThat(objects.get(0).getMetadata().getNamespace()).isEqualTo("portworx");
		// The operator reads px-essential from kube-system whatever the cluster's
		// namespace (portworx.go,
		// api.NamespaceSystem); the real 2.12.1 Essentials spec with ns=portworx writes
		// it there too.
		assertThat(objects.get(1).getMetadata().getNamespace()).isEqualTo("kube-system");
	}

	@Test
	void customRegistryIsLeftToTheOperatorWhichMovesThePortworxImageItself() {
		// The operator prefixes spec.image with customImageRegistry (GetImageURN): the
		// image stays Portworx's own name.
		for (String registry : List.of("registry.example.com:5000", "registry.example.com:5000/px")) {
			assertThat(paths(fixture.seedWith("reg", registry))).containsEntry("image", "portworx/oci-monitor:2.8.1.5")
				.containsEntry("customImageRegistry", registry);
		}
	}

	static Stream<Arguments> everyVersionEditionAndKvdb() {
		List<Arguments> cases = new ArrayList<>();
		for (PortworxRelease release : new ManifestFixture().catalog.releases()) {
			for (boolean essentials : new boolean[] { true, false }) {
				for (boolean builtIn : new boolean[] { true, false }) {
					cases.add(Arguments.of(release.version(), essentials, builtIn));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} essentials={1} built-in={2}")
	@MethodSource("everyVersionEditionAndKvdb")
	void everySpecParsesAndUsesOnlySchemaFields(String version, boolean essentials, boolean builtIn) {
		Map<String, String> parameters = Specs.seedParameters();
		if (!essentials) {
			parameters.remove("oem");
			parameters.remove("user");
		}
		if (!builtIn) {
			parameters.remove("b");
			parameters.put("k", "etcd:http://10.0.0.1:2379");
		}
		parameters.put("kbver", "1.23.4");
		InstallSpec spec = fixture.spec(version, parameters);
		String yaml = fixture.manifests.allYaml(spec);
		List<HasMetadata> objects = ManifestFixture.load(yaml);
		assertThat(objects).allSatisfy((object) -> {
			assertThat(object.getApiVersion()).isNotBlank();
			assertThat(object.getKind()).isNotBlank();
			assertThat(object.getMetadata().getName()).isNotBlank();
		});
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsSubsequence("ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Deployment", "StorageCluster");
		assertThat(objects.stream().anyMatch((o) -> o.getKind().equals("Secret"))).isEqualTo(essentials);
		assertThat(paths(spec).keySet()).allSatisfy((path) -> assertThat(inSchema(path)).as(path).isTrue());
		assertThat(paths(spec)).containsEntry("image",
				"portworx/oci-monitor:" + fixture.catalog.release(version).orElseThrow().imageVersion());
	}

	static boolean inSchema(String path) {
		return SCHEMA.contains(path) || SCHEMA.stream()
			.filter((field) -> field.endsWith(".*"))
			.anyMatch((field) -> path.startsWith(field.substring(0, field.length() - 1)));
	}

	@Test
	void schemaCheckRejectsInventedFields() {
		assertThat(inSchema("storage.useAll")).isTrue();
		assertThat(inSchema("featureGates.CSI")).isTrue();
		assertThat(inSchema("storage.useAllDisks")).isFalse();
		assertThat(inSchema("csi.enable")).isFalse();
		assertThat(inSchema("runtimeOptions.default-io-profile")).isTrue();
		assertThat(inSchema("customImageRegistry")).isTrue();
		assertThat(SCHEMA).hasSizeGreaterThan(500);
	}

	private Map<String, Object> paths(InstallSpec spec) {
		return fixture.clusterSpec.draft(spec).paths();
	}

	private static String decode(Secret secret, String key) {
		return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
	}

}
