package io.pxwizard.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.Yaml;

/**
 * The conformance corpus (src/test/resources/conformance): real files generated at
 * Portworx Central, each with a header naming where it came from and px-wizard's
 * justified exceptions ({@code # px-wizard exception: <path> -- <why>}).
 */
final class Conformance {

	static final String EXCEPTION = "# px-wizard exception: ";

	private Conformance() {
	}

	static List<Sample> samples(String folder) {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver()
				.getResources("classpath:conformance/" + folder + "/*.yaml");
			List<Sample> samples = new ArrayList<>();
			for (Resource resource : resources) {
				samples.add(Sample.of(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8)));
			}
			samples.sort((a, b) -> a.name().compareTo(b.name()));
			return samples;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every leaf of a YAML document by dotted path; list items that are maps by their
	 * index, other lists whole.
	 */
	static Map<String, Object> flatten(Map<?, ?> document) {
		Map<String, Object> paths = new TreeMap<>();
		flatten("", document, paths);
		return paths;
	}

	private static void flatten(String prefix, Object value, Map<String, Object> paths) {
		if (prefix.isEmpty() && value instanceof Map<?, ?> map && map.isEmpty()) {
			return;
		}
		if (value instanceof Map<?, ?> map && !map.isEmpty()) {
			map.forEach((key, nested) -> flatten(prefix + key + ".", nested, paths));
		}
		else if (value instanceof List<?> list && !list.isEmpty()
				&& list.stream().allMatch((item) -> item instanceof Map)) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + i + ".", list.get(i), paths);
			}
		}
		else {
			paths.put(prefix.substring(0, prefix.length() - 1), normalised(value));
		}
	}

	/**
	 * YAML scalars as strings and numbers as written, so {@code "6"} and {@code 6} still
	 * differ.
	 */
	private static Object normalised(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(Conformance::normalised).toList();
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, nested) -> copy.put(String.valueOf(key), normalised(nested)));
			return copy;
		}
		return value;
	}

	/**
	 * One real file.
	 *
	 * @param name the file name
	 * @param releaseLine the Portworx release line it belongs to (its header)
	 * @param url the URL it was generated from: its {@code # SOURCE:} line, else its
	 * install-source annotation
	 * @param documents the YAML documents
	 * @param exceptions path (or path prefix) to the reason px-wizard's rendering differs
	 * there
	 */
	record Sample(String name, String releaseLine, String url, List<Map<String, Object>> documents,
			Map<String, String> exceptions) {

		@SuppressWarnings("unchecked")
		static Sample of(String name, String text) {
			String releaseLine = null;
			String url = null;
			Map<String, String> exceptions = new LinkedHashMap<>();
			for (String line : text.lines().toList()) {
				String trimmed = line.strip();
				if (trimmed.startsWith("# release line: ")) {
					releaseLine = trimmed.substring("# release line: ".length()).split(" ")[0];
				}
				else if (trimmed.matches("#\\s*(SOURCE|url):\\s.*") && url == null) {
					url = trimmed.substring(trimmed.indexOf(':') + 1).strip();
				}
				else if (trimmed.startsWith(EXCEPTION)) {
					String rest = trimmed.substring(EXCEPTION.length());
					int dash = rest.indexOf(" -- ");
					exceptions.put(rest.substring(0, dash).strip(), rest.substring(dash + 4).strip());
				}
			}
			List<Map<String, Object>> documents = new ArrayList<>();
			for (Object document : new Yaml().loadAll(text)) {
				if (document instanceof Map<?, ?> map) {
					documents.add((Map<String, Object>) map);
				}
			}
			if (url == null && !documents.isEmpty() && documents.get(0).get("metadata") instanceof Map<?, ?> metadata
					&& metadata.get("annotations") instanceof Map<?, ?> annotations) {
				url = (String) annotations.get("portworx.io/install-source");
			}
			return new Sample(name, releaseLine, url, documents, exceptions);
		}

		/** The query of its URL, as written. */
		String query() {
			return url.substring(url.indexOf('?') + 1);
		}

		Map<String, Object> document(String kind) {
			return documents.stream().filter((document) -> kind.equals(document.get("kind"))).findFirst().orElse(null);
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
