package io.pxwizard.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The fields a dry run would change, as dotted paths with their values before and after
 * ({@code spec.image: portworx/oci-monitor:2.8.1.5 → portworx/oci-monitor:2.12.2}), so an
 * upgrade shows what it changes before it is applied. Values are left out where they are
 * secret.
 */
final class FieldDiff {

	/** Enough to read in one line of the apply page; the rest is counted. */
	static final int SHOWN = 6;

	private FieldDiff() {
	}

	/** Every changed leaf, in the objects' order. */
	static List<String> between(JsonNode before, JsonNode after, boolean showValues) {
		List<String> changes = new ArrayList<>();
		compare("", before, after, showValues, changes);
		return changes;
	}

	/** The first {@link #SHOWN} changes joined, and how many more there are. */
	static String summary(List<String> changes) {
		String shown = String.join("; ", changes.subList(0, Math.min(SHOWN, changes.size())));
		return (changes.size() > SHOWN) ? shown + "; and " + (changes.size() - SHOWN) + " more" : shown;
	}

	private static void compare(String path, JsonNode before, JsonNode after, boolean showValues,
			List<String> changes) {
		if (before != null && after != null && before.equals(after)) {
			return;
		}
		if (before != null && after != null && before.isObject() && after.isObject()) {
			Set<String> names = new LinkedHashSet<>();
			before.properties().forEach((entry) -> names.add(entry.getKey()));
			after.properties().forEach((entry) -> names.add(entry.getKey()));
			for (String name : names) {
				compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), showValues,
						changes);
			}
			return;
		}
		if (before != null && after != null && before.isArray() && after.isArray() && before.size() == after.size()) {
			for (int i = 0; i < before.size(); i++) {
				compare(path + "[" + i + "]", before.get(i), after.get(i), showValues, changes);
			}
			return;
		}
		if (!showValues) {
			changes.add(path);
			return;
		}
		changes.add(path + ": " + text(before) + " → " + text(after));
	}

	private static String text(JsonNode node) {
		if (node == null || node.isNull()) {
			return "(none)";
		}
		if (node.isContainer()) {
			return (node.isArray() ? "[" : "{") + node.size() + " " + (node.isArray() ? "items]" : "fields}");
		}
		String json = node.toString();
		return (json.startsWith("\"") && json.endsWith("\"") && json.length() >= 2)
				? json.substring(1, json.length() - 1) : json;
	}

}
