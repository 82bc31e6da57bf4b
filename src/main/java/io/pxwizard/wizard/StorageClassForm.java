package io.pxwizard.wizard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pxwizard.catalog.StorageClassPreset;
import io.pxwizard.model.SpecParameters;

/**
 * The finish page's StorageClasses form, per preset: {@code use.<id>} ticked,
 * {@code name.<id>}, {@code repl.<id>}, and {@code default} (a preset's id, or empty),
 * beside the spec's own parameters in hidden fields.
 *
 * @param spec the spec's parameters, without the form's fields and the old classes
 * @param classes the {@code sc} value the answers make
 * @param defaultClass the {@code scdefault} value they make
 */
record StorageClassForm(SpecParameters spec, String classes, String defaultClass) {

	static final String USE = "use.";

	static final String NAME = "name.";

	static final String REPLICATION = "repl.";

	static final String DEFAULT = "default";

	static final String CLASSES = "sc";

	static final String DEFAULT_CLASS = "scdefault";

	static StorageClassForm of(SpecParameters form, List<StorageClassPreset> presets) {
		Map<String, String> spec = new LinkedHashMap<>();
		form.asMap().forEach((name, value) -> {
			if (!name.startsWith(USE) && !name.startsWith(NAME) && !name.startsWith(REPLICATION)
					&& !name.equals(DEFAULT) && !name.equals(CLASSES) && !name.equals(DEFAULT_CLASS)) {
				spec.put(name, value);
			}
		});
		List<String> classes = new ArrayList<>();
		String defaultClass = "";
		for (StorageClassPreset preset : presets) {
			if (form.isTrue(USE + preset.id())) {
				String name = form.trimmed(NAME + preset.id());
				classes.add(preset.id() + ":" + name + ":" + form.trimmed(REPLICATION + preset.id()));
				if (preset.id().equals(form.get(DEFAULT))) {
					defaultClass = name;
				}
			}
		}
		return new StorageClassForm(SpecParameters.of(spec), String.join(",", classes), defaultClass);
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
