package io.pxwizard.model;

import java.util.List;

/**
 * A parameter of a spec URL that px-wizard does not model for that release (Portworx
 * Central's cloud-drive and platform parameters, or one it offers only in other release
 * lines): kept verbatim in the commands, in the place the URL had it, and refused by
 * local rendering.
 *
 * @param name the parameter's name
 * @param value its value, as given
 * @param preceding the names that stood before it in the URL, nearest first: it is
 * written after the nearest of them that the commands carry
 */
public record KeptParameter(String name, String value, List<String> preceding) {

	public KeptParameter {
		preceding = List.copyOf(preceding);
	}

	/** {@code name=value}, as the finish page lists it. */
	@Override
	public String toString() {
		return name + "=" + value;
	}

}
