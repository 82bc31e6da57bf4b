package io.pxwizard.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The images the Portworx operator starts besides Portworx itself, by release-manifest
 * key ({@code stork}, {@code csiProvisioner}, ...), as
 * {@code install.portworx.com/<version>/version} lists them.
 *
 * @param name what releases refer to it by
 * @param source where the list comes from, shown to the administrator
 * @param images image by component key, in the catalogue's order
 */
public record ComponentSet(String name, String source, Map<String, String> images) {

	public ComponentSet {
		images = Collections.unmodifiableMap(new LinkedHashMap<>(images));
	}

}
