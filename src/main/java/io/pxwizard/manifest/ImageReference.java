package io.pxwizard.manifest;

/** Image references as manifests write them, optionally moved to a custom registry. */
final class ImageReference {

	private ImageReference() {
	}

	/** {@code repository:tag}, under {@code registry/} when one is given. */
	static String of(String repository, String tag, String registry) {
		String image = repository + ":" + tag;
		return registry.isEmpty() ? image : registry + "/" + image;
	}

}
