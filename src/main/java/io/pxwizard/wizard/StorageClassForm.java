package io.pxwizard.wizard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pxwizard.catalog.StorageClassPreset;
import io.pxwizard.model.SpecParameters;
import io.pxwizard.model.StorageClassOptions;

/**
 * The finish page's StorageClasses form, per preset: {@code use.<id>} ticked,
 * {@code name.<id>}, {@code repl.<id>}, and {@code default} (a preset's id, or empty),
 * beside the spec's own parameters in hidden fields.
 *
 * @param spec the spec's parameters, without the form's fields and the old classes
 * @param before the spec as it was, old classes included, to go back to after a wrong
 * answer
 * @param classes the {@code sc} value the answers make
 * @param defaultClass the {@code scdefault} value they make
 */
record StorageClassForm(SpecParameters spec, SpecParameters before, String classes, String defaultClass) {

	static final String USE = "use.";

	static final String NAME = "name.";

	static final String REPLICATION = "repl.";

	static final String DEFAULT = "default";

	static final String CLASSES = StorageClassOptions.CLASSES_PARAMETER;

	static final String DEFAULT_CLASS = StorageClassOptions.DEFAULT_CLASS_PARAMETER;

	static StorageClassForm of(SpecParameters form, List<StorageClassPreset> presets) {
		Map<String, String> spec = new LinkedHashMap<>();
		Map<String, String> before = new LinkedHashMap<>();
		form.asMap().forEach((name, value) -> {
			if (!name.startsWith(USE) && !name.startsWith(NAME) && !name.startsWith(REPLICATION)
					&& !name.equals(DEFAULT)) {
				before.put(name, value);
				if (!name.equals(CLASSES) && !name.equals(DEFAULT_CLASS)) {
					spec.put(name, value);
				}
			}
		});
		List<String> classes = new ArrayList<>();
		String defaultClass = "";
		for (StorageClassPreset preset : presets) {
			if (form.isTrue(USE + preset.id())) {
				String name = field(form, NAME + preset.id());
				classes.add(preset.id() + ":" + name + ":" + field(form, REPLICATION + preset.id()));
				if (preset.id().equals(form.get(DEFAULT))) {
					defaultClass = name;
				}
			}
		}
		return new StorageClassForm(SpecParameters.of(spec), SpecParameters.of(before), String.join(",", classes),
				defaultClass);
	}

	/**
	 * A typed answer, its separators made visible: "a:1,redis:b" typed as a name stays
	 * one (invalid) name rather than becoming two classes.
	 */
	private static String field(SpecParameters form, String name) {
		return form.trimmed(name).replace(',', '_').replace(':', '_');
	}

	/** The spec with the classes the answers make. */
	SpecParameters withClasses() {
		Map<String, String> state = new LinkedHashMap<>(spec.asMap());
		if (!classes.isEmpty()) {
			state.put(CLASSES, classes);
		}
		if (!defaultClass.isEmpty()) {
			state.put(DEFAULT_CLASS, defaultClass);
		}
		return SpecParameters.of(state);
	}

}
