package io.pxwizard.model;

import java.util.Map;
import java.util.Set;

import io.pxwizard.catalog.ReleaseProfile;

/**
 * One family of wizard options (key-value store, storage, network, ...): the one place
 * where its query parameters are read, validated and written, so a parameter and its
 * meaning are defined together.
 *
 * @param <T> the validated options of this family
 */
public interface OptionFamily<T> {

	/**
	 * The family's name ({@link OptionFamilies}), by which the pages say which families
	 * they ask for.
	 */
	String name();

	/** The install.portworx.com query parameters this family owns. */
	Set<String> parameters();

	/**
	 * Whether Portworx Central writes this family's parameters; px-wizard's own (its
	 * StorageClasses) stay in px-wizard's URLs and never reach a command for
	 * install.portworx.com.
	 */
	default boolean writtenByPortworxCentral() {
		return true;
	}

	/**
	 * Form fields of this family's page that are not query parameters (radio buttons
	 * whose choice a URL implies).
	 */
	default Set<String> formOnlyFields() {
		return Set.of();
	}

	/**
	 * Reads and validates this family's options from the whole wizard state. Problems go
	 * to {@code errors} under the form field's name; the result is only meaningful when
	 * none was added.
	 */
	T read(SpecParameters state, FieldErrors errors);

	/**
	 * Writes the options as query parameters, in canonical form (absent where Portworx
	 * Central omits them); their order is the release profile's.
	 */
	void write(T options, ReleaseProfile profile, Map<String, String> parameters);

	/**
	 * Whether a value of one of this family's parameters is one px-wizard does not model
	 * and keeps as given (a cloud-drive spec where a device path goes).
	 */
	default boolean keepsAsGiven(String parameter, String value) {
		return false;
	}

	/** Sets the StorageCluster fields and annotations these options map to. */
	default void describe(T options, StorageClusterDraft cluster) {
	}

	/**
	 * Values of the form-only fields as a URL implies them, for showing a page opened
	 * from a link.
	 */
	default Map<String, String> impliedFormValues(SpecParameters state) {
		return Map.of();
	}

}
