package io.pxwizard.manifest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manifest writer's scalars: whatever a value holds, what a YAML parser reads back is
 * that value, and only printable ASCII goes plain.
 */
class ManifestYamlTests {

	private final ManifestYaml yaml = new ManifestYaml();

	@Test
	void everyValueReadsBackAsWritten() {
		Map<String, String> data = new LinkedHashMap<>();
		data.put("plain", "--verbose");
		data.put("number", "6");
		data.put("boolean", "true");
		data.put("colon", "a: b");
		data.put("hash", "a #b");
		data.put("quote", "\"x\" 'y' \\z");
		data.put("controls", "\u0000\u0007\u001b[31m\r\n\t");
		data.put("c1", "next\u0085line\u009b");
		data.put("separators", "a\u2028b\u2029c\ufeffd");
		data.put("emoji", "🚀 ﺎﻠﻋﺮﺒﻳﺓ e\u0301");
		data.put("café", "naïve");
		ConfigMap map = new ConfigMapBuilder().withNewMetadata()
			.withName("values")
			.withNamespace("kube-system")
			.endMetadata()
			.withData(data)
			.build();

		String written = yaml.write(null, List.<HasMetadata>of(map), List.of(), new ManifestYaml.FieldOrder(List.of()));

		ConfigMap read = Serialization.unmarshal(written, ConfigMap.class);
		assertThat(read.getData()).containsExactlyEntriesOf(data);
		assertThat(written).contains("  plain: --verbose\n", "  number: \"6\"\n", "  boolean: \"true\"\n",
				"  c1: \"next\\u0085line\\u009b\"\n", "  separators: \"a\\u2028b\\u2029c\\ufeffd\"\n", "  emoji: \"🚀 ",
				"  \"café\": \"naïve\"\n");
	}

}
