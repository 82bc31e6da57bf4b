package io.pxwizard.simulation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the simulated nodes can pull. Online (the default) every image can be pulled;
 * air-gapped only the images that were copied into the private registry can, as in a
 * cluster without internet access.
 */
public final class SimulatedRegistry {

	private volatile boolean airGapped;

	private final Set<String> mirrored = ConcurrentHashMap.newKeySet();

	/** From now on only mirrored images can be pulled. */
	public SimulatedRegistry airGapped(Set<String> images) {
		mirrored.clear();
		mirrored.addAll(images);
		airGapped = true;
		return this;
	}

	public SimulatedRegistry online() {
		airGapped = false;
		return this;
	}

	public boolean canPull(String image) {
		return !airGapped || mirrored.contains(image);
	}

}
