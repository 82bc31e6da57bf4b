package io.pxwizard.model;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pxwizard.catalog.PortworxRelease;

/**
 * The StorageCluster being described: each option family sets the fields its options map
 * to, by their path under {@code spec} ({@code "kvdb.internal"}), so the field paths can
 * be checked against the CRD's schema.
 */
public final class StorageClusterDraft {

	private final PortworxRelease release;

	private final Map<String, Object> spec = new LinkedHashMap<>();

	private final Map<String, String> annotations = new LinkedHashMap<>();

	private final Map<String, Object> paths = new LinkedHashMap<>();

	public StorageClusterDraft(PortworxRelease release) {
		this.release = release;
	}

	/** The release the spec is for: some fields differ between operator versions. */
	public PortworxRelease release() {
		return release;
	}

	/** Sets {@code spec.<path>}, making the maps on the way. */
	@SuppressWarnings("unchecked")
	public StorageClusterDraft set(String path, Object value) {
		String[] keys = path.split("\\.");
		Map<String, Object> map = spec;
		for (int i = 0; i < keys.length - 1; i++) {
			map = (Map<String, Object>) map.computeIfAbsent(keys[i], (key) -> new LinkedHashMap<String, Object>());
		}
		map.put(keys[keys.length - 1], value);
		paths.put(path, value);
		return this;
	}

	public StorageClusterDraft annotate(String name, String value) {
		annotations.put(name, value);
		return this;
	}

	/** The spec as nested maps and lists, in the order the fields were set. */
	public Map<String, Object> spec() {
		return spec;
	}

	public Map<String, String> annotations() {
		return annotations;
	}

	/** Every path set, to check against the schema. */
	public Map<String, Object> paths() {
		return paths;
	}

}
