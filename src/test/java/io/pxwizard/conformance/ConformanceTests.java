package io.pxwizard.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.pxwizard.conformance.Conformance.Sample;
import io.pxwizard.manifest.ManifestFixture;
import io.pxwizard.model.InstallCommands;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.KeptParameter;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.SpecQuery.OperatorReading;
import io.pxwizard.model.SpecReading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * px-wizard against what Portworx Central really wrote (src/test/resources/conformance,
 * each file saying where it came from): every spec URL and command comes back byte for
 * byte, and what px-wizard renders locally matches the real files field by field, every
 * difference written down beside the file with its reason. An exception that no longer
 * explains a difference fails too, so the list cannot go stale.
 */
class ConformanceTests {

	private static final String PORTWORX_CENTRAL = "https://install.portworx.com";

	private final ManifestFixture fixture = new ManifestFixture();

	static List<Sample> specs() {
		return Conformance.samples("specs");
	}

	static List<Sample> operatorManifests() {
		return Conformance.samples("operator");
	}

	static Stream<CommandRow> commands() throws IOException {
		String text = new ClassPathResource("conformance/commands.tsv").getContentAsString(StandardCharsets.UTF_8);
		return text.lines().filter((line) -> !line.startsWith("#") && !line.isBlank()).map(CommandRow::of);
	}

	@Test
	void theCorpusCoversTheReleaseLinesWithRealMaterial() throws IOException {
		Set<String> lines = new LinkedHashSet<>();
		specs().forEach((sample) -> lines.add(sample.releaseLine()));
		commands().forEach((row) -> lines.add(row.releaseLine()));
		// 3.4 and 3.5 have no public generated material (see README.md); every other
		// offered line has some.
		assertThat(lines).contains("2.8", "2.9", "2.10", "2.11", "2.12", "2.13", "3.0", "3.1", "3.2", "3.3", "3.6");
		assertThat(specs()).hasSizeGreaterThanOrEqualTo(10);
		assertThat(operatorManifests()).hasSizeGreaterThanOrEqualTo(4);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specs")
	void specUrlComesBackByteForByteAndNamesItselfWithoutAVersion(Sample sample) {
		InstallSpec spec = read(sample.releaseLine(), sample.query());
		assertThat(fixture.specQuery.queryString(spec)).isEqualTo(sample.query());
		assertThat(fixture.specQuery.sourceUrl(spec)).isEqualTo(sample.url());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("specs")
	void localRenderingMatchesTheRealSpecFieldByFieldOrRefusesInWords(Sample sample) {
		InstallSpec spec = read(sample.releaseLine(), sample.query());
		if (!spec.rendersLocally()) {
			// Cloud drives and platform parameters: kept for the commands, and refused by
			// name for local rendering.
			assertThat(spec.kept()).extracting(KeptParameter::name)
				.isNotEmpty()
				.allSatisfy((name) -> assertThat(sample.query()).contains(name + "="));
			assertThat(sample.exceptions()).as("a refused spec has no field exceptions").isEmpty();
			return;
		}
		List<Map<String, Object>> rendered = parse(fixture.manifests.clusterYaml(spec));
		Map<String, Object> differences = new LinkedHashMap<>();
		for (Map<String, Object> real : sample.documents()) {
			String kind = (String) real.get("kind");
			Map<String, Object> ours = rendered.stream()
				.filter((document) -> kind.equals(document.get("kind")))
				.findFirst()
				.orElse(Map.of());
			differences.putAll(differences(kind, real, ours));
		}
		assertExplained(sample, differences);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operatorManifests")
	void operatorManifestMatchesTheRealOneFieldByField(Sample sample) {
		OperatorReading reading = fixture.specQuery.readOperatorRequest(sample.releaseLine(),
				SpecParameters.fromQuery(sample.query()));
		assertThat(reading.errors().all()).isEmpty();
		List<Map<String, Object>> rendered = parse(fixture.manifests.operatorYaml(reading.request()));
		Map<String, Object> differences = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Map<String, Object> real : sample.documents()) {
			String kind = (String) real.get("kind");
			seen.add(kind);
			Map<String, Object> ours = rendered.stream()
				.filter((document) -> kind.equals(document.get("kind")))
				.findFirst()
				.orElse(Map.of());
			differences.putAll(differences(kind, real, ours));
		}
		rendered.stream()
			.map((document) -> (String) document.get("kind"))
			.filter((kind) -> !seen.contains(kind))
			.forEach((kind) -> differences.put(kind, "only in px-wizard's"));
		assertExplained(sample, differences);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("commands")
	void realCommandsComeBackByteForByte(CommandRow row) {
		if (!row.exception().isEmpty()) {
			// Written down as not Portworx Central's own output: it must really differ,
			// or the exception is stale.
			assertThat(reproduces(row)).as(row.exception()).isFalse();
			return;
		}
		assertThat(reproduces(row)).isTrue();
	}

	/**
	 * Whether px-wizard writes this row's URLs exactly, failing with the difference when
	 * it does not.
	 */
	private boolean reproduces(CommandRow row) {
		String version = row.version();
		InstallSpec spec;
		if (!row.specUrl().isEmpty()) {
			SpecReading reading = fixture.specQuery.read(version, SpecParameters.fromQuery(query(row.specUrl())));
			if (!reading.isValid()) {
				return false;
			}
			spec = reading.spec();
			String expected = row.specUrl().contains(".com/?") ? fixture.specQuery.sourceUrl(spec)
					: fixture.specQuery.commands(spec, PORTWORX_CENTRAL).specUrl();
			if (!row.exception().isEmpty() && !expected.equals(row.specUrl())) {
				return false;
			}
			assertThat(expected).isEqualTo(row.specUrl());
		}
		else {
			spec = specForOperatorCommand(version, query(row.operatorUrl()));
		}
		if (row.operatorUrl().isEmpty()) {
			return true;
		}
		InstallCommands commands = fixture.specQuery.commands(spec, PORTWORX_CENTRAL);
		String ours = row.operatorUrl().contains(".com/?") ? query(commands.operatorUrl()) : commands.operatorUrl();
		String theirs = row.operatorUrl().contains(".com/?") ? query(row.operatorUrl()) : row.operatorUrl();
		if (!row.exception().isEmpty()) {
			return ours.equals(theirs);
		}
		assertThat(ours).isEqualTo(theirs);
		return true;
	}

	/**
	 * A spec whose operator command is the given one: a new spec with that command's
	 * kbver and ns.
	 */
	private InstallSpec specForOperatorCommand(String version, String operatorQuery) {
		SpecParameters operator = SpecParameters.fromQuery(operatorQuery);
		Map<String, String> state = new LinkedHashMap<>(fixture.specQuery.newSpec(version).asMap());
		state.put("user", "152f6083-a52f-11ea-97e6-f6e09c7a4e5e");
		state.remove("kbver");
		state.remove("ns");
		for (String name : List.of("kbver", "ns")) {
			if (operator.has(name)) {
				state.put(name, operator.get(name));
			}
		}
		SpecReading reading = fixture.specQuery.read(version, SpecParameters.of(state));
		assertThat(reading.errors().all()).isEmpty();
		return reading.spec();
	}

	private InstallSpec read(String version, String query) {
		SpecReading reading = fixture.specQuery.read(version, SpecParameters.fromQuery(query));
		assertThat(reading.errors().all()).as(query).isEmpty();
		return reading.spec();
	}

	private static String query(String url) {
		return url.substring(url.indexOf('?') + 1);
	}

	private static Map<String, Object> differences(String kind, Map<String, Object> real, Map<String, Object> ours) {
		Map<String, Object> theirs = Conformance.flatten(real);
		Map<String, Object> mine = Conformance.flatten(ours);
		Set<String> paths = new LinkedHashSet<>(theirs.keySet());
		paths.addAll(mine.keySet());
		Map<String, Object> differences = new LinkedHashMap<>();
		for (String path : paths) {
			if (!Objects.equals(theirs.get(path), mine.get(path))) {
				differences.put(kind + "/" + path,
						"Portworx Central: " + theirs.get(path) + ", px-wizard: " + mine.get(path));
			}
		}
		return differences;
	}

	/**
	 * Every difference covered by an exception of the file, every exception covering one.
	 */
	private static void assertExplained(Sample sample, Map<String, Object> differences) {
		List<String> unexplained = new ArrayList<>();
		Set<String> used = new LinkedHashSet<>();
		differences.forEach((path, difference) -> {
			String exception = sample.exceptions()
				.keySet()
				.stream()
				.filter((candidate) -> path.equals(candidate) || path.startsWith(candidate + ".")
						|| path.startsWith(candidate + "/"))
				.findFirst()
				.orElse(null);
			if (exception == null) {
				unexplained.add(path + " (" + difference + ")");
			}
			else {
				used.add(exception);
			}
		});
		assertThat(unexplained).as("differences without a written exception").isEmpty();
		assertThat(sample.exceptions().keySet()).as("exceptions that explain no difference")
			.containsExactlyInAnyOrderElementsOf(used);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> parse(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml().loadAll(yaml)) {
			documents.add((Map<String, Object>) document);
		}
		return documents;
	}

	/** One line of commands.tsv. */
	record CommandRow(String releaseLine, String operatorUrl, String specUrl, String foundIn, String exception) {

		static CommandRow of(String line) {
			String[] columns = line.split("\t", -1);
			return new CommandRow(columns[0], columns[1], columns[2], columns[3], columns[4]);
		}

		/**
		 * The release the URLs are read as: the line (a path like /3.0.0 is an exception
		 * of its own).
		 */
		String version() {
			return releaseLine;
		}

		@Override
		public String toString() {
			return releaseLine + " " + (specUrl.isEmpty() ? operatorUrl : specUrl).replaceFirst("^https://", "");
		}

	}

}
