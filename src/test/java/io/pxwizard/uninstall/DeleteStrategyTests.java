package io.pxwizard.uninstall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The strategies px-wizard sets are the ones the operator's own StorageCluster CRD
 * accepts (src/test/resources/crd/storagecluster-spec-paths.txt, read from
 * libopenstorage/operator deploy/crds/core_v1_storagecluster_crd.yaml; the commit is the
 * file's first line).
 */
class DeleteStrategyTests {

	@Test
	void everyStrategyIsAValueOfTheCrdsDeleteStrategyEnum() throws IOException {
		String schema = new ClassPathResource("crd/storagecluster-spec-paths.txt")
			.getContentAsString(StandardCharsets.UTF_8);
		String line = schema.lines()
			.filter((l) -> l.startsWith("spec.deleteStrategy.type\t"))
			.findFirst()
			.orElseThrow();
		List<String> allowed = Arrays
			.asList(line.substring(line.indexOf("[enum=") + "[enum=".length(), line.indexOf(']')).split(","));
		assertThat(Arrays.stream(DeleteStrategy.values()).map(DeleteStrategy::type))
			.containsExactlyInAnyOrderElementsOf(allowed);
	}

	@Test
	void aStrategyIsFoundByTheOperatorsValue() {
		assertThat(DeleteStrategy.ofType("UninstallAndWipe")).contains(DeleteStrategy.UNINSTALL_AND_WIPE);
		assertThat(DeleteStrategy.ofType("UninstallAndDelete")).isEmpty();
	}

}
