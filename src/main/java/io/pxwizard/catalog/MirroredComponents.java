package io.pxwizard.catalog;

import java.util.List;

/**
 * The components an install pulls when a spec parameter turns them on.
 *
 * @param option the spec parameter ({@code stork}, {@code csi}, ...), or {@code always}
 * @param components release-manifest keys of {@link ComponentSet#images()}
 */
public record MirroredComponents(String option, List<String> components) {

	public static final String ALWAYS = "always";

	public MirroredComponents {
		components = List.copyOf(components);
	}

}
