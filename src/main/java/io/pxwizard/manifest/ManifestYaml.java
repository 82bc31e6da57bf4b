package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

import org.springframework.stereotype.Component;

/**
 * Objects as one multi-document YAML stream, the way {@code kubectl apply -f} reads a
 * URL, written as Portworx Central writes its files so that a diff against one shows no
 * noise: {@code kind} before {@code apiVersion} for the StorageCluster, metadata as name,
 * namespace, labels, annotations, annotation values double-quoted, other values plain
 * where YAML reads them back as the same string, lists at their key's indentation.
 */
@Component
public class ManifestYaml {

	/**
	 * Strings YAML would read as a number: quoted, like {@code default-io-profile: "6"}.
	 */
	private static final Pattern NUMBER_LIKE = Pattern
		.compile("[-+]?(\\.?[0-9][0-9_.eE+-]*|0[xXoObB][0-9a-fA-F_]+|\\.inf|\\.nan)", Pattern.CASE_INSENSITIVE);

	/** Characters that start YAML syntax, so a plain scalar cannot begin with them. */
	private static final String INDICATORS = ",[]{}#&*!|>'\"%@`";

	/**
	 * These start YAML syntax only when a space or the end follows ({@code --verbose} is
	 * plain).
	 */
	private static final String INDICATORS_BEFORE_SPACE = "-?:";

	private static final List<String> METADATA_ORDER = List.of("name", "namespace", "labels", "annotations");

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	private final StringQuotingChecker quoting = StringQuotingChecker.Default.instance();

	/**
	 * Each object as its own document, separated by {@code ---}, after an optional
	 * {@code # SOURCE: <url>} line.
	 * @param kindFirst kinds written {@code kind} before {@code apiVersion}, as
	 * Portworx's templates do
	 */
	public String write(String source, List<HasMetadata> objects, List<String> kindFirst, FieldOrder specOrder) {
		StringBuilder yaml = new StringBuilder();
		if (source != null) {
			yaml.append("# SOURCE: ").append(source).append('\n');
		}
		for (int i = 0; i < objects.size(); i++) {
			if (i > 0) {
				yaml.append("---\n");
			}
			HasMetadata object = objects.get(i);
			Map<String, Object> document = ordered(object, kindFirst.contains(object.getKind()), specOrder);
			writeMap(yaml, document, 0, false);
		}
		return yaml.toString();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> ordered(HasMetadata object, boolean kindFirst, FieldOrder specOrder) {
		Map<String, Object> raw = serialization.convertValue(object, LinkedHashMap.class);
		Map<String, Object> document = new LinkedHashMap<>();
		List<String> head = kindFirst ? List.of("kind", "apiVersion") : List.of("apiVersion", "kind");
		head.forEach((key) -> document.put(key, raw.remove(key)));
		if (raw.get("metadata") instanceof Map<?, ?> metadata) {
			Map<String, Object> orderedMetadata = new LinkedHashMap<>();
			Map<String, Object> rest = new LinkedHashMap<>((Map<String, Object>) metadata);
			for (String key : METADATA_ORDER) {
				if (rest.containsKey(key)) {
					Object value = rest.remove(key);
					orderedMetadata.put(key,
							"annotations".equals(key) ? quotedValues((Map<String, Object>) value) : value);
				}
			}
			orderedMetadata.putAll(rest);
			raw.put("metadata", orderedMetadata);
		}
		document.putAll(raw);
		if (specOrder != null && document.get("spec") instanceof Map<?, ?> spec) {
			document.put("spec", specOrder.apply((Map<String, Object>) spec));
		}
		return document;
	}

	/** Annotation values, which Portworx always double-quotes. */
	private static Map<String, Object> quotedValues(Map<String, Object> annotations) {
		Map<String, Object> quoted = new LinkedHashMap<>();
		annotations.forEach((key, value) -> quoted.put(key, new Quoted(String.valueOf(value))));
		return quoted;
	}

	private void writeMap(StringBuilder yaml, Map<?, ?> map, int indent, boolean firstInListItem) {
		boolean first = true;
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (entry.getValue() == null) {
				continue;
			}
			if (!(first && firstInListItem)) {
				yaml.append(" ".repeat(indent));
			}
			first = false;
			yaml.append(key(String.valueOf(entry.getKey()))).append(':');
			writeValue(yaml, entry.getValue(), indent);
		}
	}

	private void writeValue(StringBuilder yaml, Object value, int indent) {
		if (value instanceof Map<?, ?> map) {
			if (map.isEmpty()) {
				yaml.append(" {}\n");
			}
			else {
				yaml.append('\n');
				writeMap(yaml, map, indent + 2, false);
			}
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				yaml.append(" []\n");
			}
			else {
				yaml.append('\n');
				writeList(yaml, list, indent);
			}
		}
		else {
			yaml.append(' ').append(scalar(value)).append('\n');
		}
	}

	private void writeList(StringBuilder yaml, List<?> list, int indent) {
		for (Object item : list) {
			yaml.append(" ".repeat(indent)).append("- ");
			if (item instanceof Map<?, ?> map && !map.isEmpty()) {
				writeMap(yaml, map, indent + 2, true);
			}
			else if (item instanceof List<?> nested && !nested.isEmpty()) {
				yaml.append('\n');
				writeList(yaml, nested, indent + 2);
			}
			else {
				yaml.append(scalar(item)).append('\n');
			}
		}
	}

	private String key(String key) {
		return (quoting.needToQuoteName(key) || !printableAscii(key)) ? doubleQuoted(key) : key;
	}

	private String scalar(Object value) {
		if (value instanceof Quoted quoted) {
			return doubleQuoted(quoted.text());
		}
		if (value instanceof Boolean || value instanceof Number) {
			return String.valueOf(value);
		}
		if (value instanceof Map<?, ?>) {
			return "{}";
		}
		if (value instanceof List<?>) {
			return "[]";
		}
		String text = String.valueOf(value);
		boolean plain = !text.isEmpty() && INDICATORS.indexOf(text.charAt(0)) < 0
				&& !(INDICATORS_BEFORE_SPACE.indexOf(text.charAt(0)) >= 0
						&& (text.length() == 1 || text.charAt(1) == ' '))
				&& !text.contains(": ") && !text.contains(" #") && !text.startsWith(" ")
				&& !quoting.needToQuoteValue(text) && !NUMBER_LIKE.matcher(text).matches() && printableAscii(text)
				&& !text.endsWith(" ");
		return plain ? text : doubleQuoted(text);
	}

	/**
	 * Plain only in printable ASCII: YAML forbids C1 controls, NEL and lone surrogates in
	 * plain scalars, and anything further is safer said double-quoted.
	 */
	private static boolean printableAscii(String text) {
		return text.chars().allMatch((c) -> c >= 0x20 && c < 0x7f);
	}

	/**
	 * A YAML double-quoted scalar, escaped as JSON escapes (YAML's double-quoted style is
	 * a superset).
	 */
	private static String doubleQuoted(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.codePoints().forEach((c) -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '\r' -> quoted.append("\\r");
				default -> {
					// Controls, NEL, line separators, BOM, non-characters and lone
					// surrogates are escaped.
					if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0xfffe
							|| c == 0xffff || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)) {
						quoted.append(String.format("\\u%04x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

	/** A string written double-quoted whatever it holds. */
	private record Quoted(String text) {
	}

	/**
	 * The order of a spec's fields as Portworx writes them: dotted paths
	 * ({@code storage.useAll}); a map's keys follow the first path that names them, keys
	 * no path names keep their place after those that do.
	 */
	public record FieldOrder(List<String> paths) {

		public FieldOrder {
			paths = List.copyOf(paths);
		}

		Map<String, Object> apply(Map<String, Object> map) {
			return apply(map, "");
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> apply(Map<String, Object> map, String prefix) {
			List<String> keys = new ArrayList<>(map.keySet());
			keys.sort((a, b) -> Integer.compare(rank(prefix + a), rank(prefix + b)));
			Map<String, Object> ordered = new LinkedHashMap<>();
			for (String key : keys) {
				Object value = map.get(key);
				ordered.put(key, (value instanceof Map<?, ?> nested)
						? apply((Map<String, Object>) nested, prefix + key + ".") : value);
			}
			return ordered;
		}

		private int rank(String path) {
			for (int i = 0; i < paths.size(); i++) {
				String candidate = paths.get(i);
				if (candidate.equals(path) || candidate.startsWith(path + ".")) {
					return i;
				}
			}
			return paths.size();
		}

	}

}
