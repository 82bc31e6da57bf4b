package io.pxwizard.apply;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a dry run would change, field by field. */
class FieldDiffTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void changedLeavesAreListedWithTheirValuesBeforeAndAfter() {
		JsonNode before = json.readTree("""
				{"spec": {"image": "portworx/oci-monitor:2.8.1.5", "kvdb": {"internal": true},
				  "env": [{"name": "A", "value": "1"}], "stork": {"enabled": true}}}""");
		JsonNode after = json.readTree("""
				{"spec": {"image": "portworx/oci-monitor:2.12.2", "kvdb": {"internal": true},
				  "env": [{"name": "A", "value": "2"}], "csi": {"enabled": true}}}""");
		assertThat(FieldDiff.between(before, after, true)).containsExactly(
				"spec.image: portworx/oci-monitor:2.8.1.5 → portworx/oci-monitor:2.12.2", "spec.env[0].value: 1 → 2",
				"spec.stork: {1 fields} → (none)", "spec.csi: (none) → {1 fields}");
		assertThat(FieldDiff.between(before, before, true)).isEmpty();
	}

	@Test
	void secretValuesAreNeverShown() {
		JsonNode before = json.readTree("{\"data\": {\"px-essen-user-id\": \"b2xk\"}}");
		JsonNode after = json.readTree("{\"data\": {\"px-essen-user-id\": \"bmV3\"}}");
		assertThat(FieldDiff.between(before, after, false)).containsExactly("data.px-essen-user-id");
	}

	@Test
	void aLongListIsCut() {
		List<String> changes = List.of("a", "b", "c", "d", "e", "f", "g", "h");
		assertThat(FieldDiff.summary(changes)).isEqualTo("a; b; c; d; e; f; and 2 more");
	}

}
