package io.pxwizard.manifest;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.pxwizard.catalog.StorageClassPreset;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.Specs;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every preset at every replication factor, written as YAML and read back as the
 * Kubernetes type: the fields the StorageClass schema requires, its validation's rules (a
 * DNS subdomain name, at most 512 parameters, string values), and Portworx's parameter
 * values.
 */
class StorageClassManifestTests {

	private static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final ManifestFixture FIXTURE = new ManifestFixture();

	static Stream<Arguments> presetsAndReplication() {
		return FIXTURE.catalog.storageClassPresets()
			.stream()
			.flatMap((preset) -> Stream.of(1, 2, 3).map((repl) -> Arguments.of(preset, repl)));
	}

	@ParameterizedTest(name = "{0} repl {1}")
	@MethodSource("presetsAndReplication")
	void theYamlIsAValidStorageClassWithPortworxsParameters(StorageClassPreset preset, int replication) {
		InstallSpec spec = FIXTURE.specQuery
			.read("3.1",
					Specs.seedWith("sc", preset.id() + ":" + preset.name() + ":" + replication, "scdefault",
							preset.name()))
			.spec();
		String yaml = FIXTURE.manifests.storageClassYaml(spec);
		List<HasMetadata> parsed = ManifestFixture.load(yaml);

		assertThat(parsed).singleElement().isInstanceOf(StorageClass.class);
		StorageClass storageClass = (StorageClass) parsed.get(0);
		assertThat(storageClass.getApiVersion()).isEqualTo("storage.k8s.io/v1");
		assertThat(storageClass.getMetadata().getName()).hasSizeLessThanOrEqualTo(253).matches(DNS_SUBDOMAIN);
		assertThat(storageClass.getProvisioner()).isEqualTo("pxd.portworx.com");
		assertThat(storageClass.getParameters()).hasSizeLessThanOrEqualTo(512)
			.containsEntry("repl", String.valueOf(replication))
			.containsEntry("priority_io", "high")
			.containsEntry("io_profile", (replication >= 2) ? "db_remote" : "auto");
		assertThat(storageClass.getAllowVolumeExpansion()).isTrue();
		assertThat(storageClass.getMetadata().getAnnotations())
			.containsEntry("storageclass.kubernetes.io/is-default-class", "true");
		// Parameter values are strings in the schema: quoted where YAML would read a
		// number.
		assertThat(yaml).contains("repl: \"" + replication + "\"");
	}

}
