package io.pxwizard.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pxwizard.catalog.ComponentSet;
import io.pxwizard.catalog.MirroredComponents;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.InstallSpec;
import io.pxwizard.model.KubernetesVersion;
import io.pxwizard.model.ShellQuoting;

import org.springframework.stereotype.Component;

/**
 * The images an install pulls, for air-gapped clusters: Portworx, the operator and every
 * component the spec's options switch on, each with the name the cluster pulls it by from
 * the spec's custom registry, and a script that copies them there.
 */
@Component
public class ImageMirror {

	/**
	 * A registry host is the first path segment when it has a dot or a port, or is
	 * localhost (Docker's rule).
	 */
	private static final String DEFAULT_REGISTRY = "docker.io";

	private final PortworxCatalog catalog;

	ImageMirror(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	public List<MirroredImage> images(InstallSpec spec) {
		CustomRegistry registry = new CustomRegistry(spec.registry().registry(), catalog.images().publicRegistries());
		List<MirroredImage> images = new ArrayList<>();
		images.add(image("portworx", catalog.images().portworx() + ":" + spec.release().imageVersion(), registry));
		images.add(image("operator", catalog.images().operator() + ":" + spec.release().operatorVersion(), registry));
		// px-wizard's own disk scan (before the install) and Verify storage (after it)
		// run
		// this image, from the same registry.
		images.add(image("px-wizard checks", catalog.diskScan().image(), registry));
		Map<String, String> components = catalog.components(spec.release()).images();
		for (MirroredComponents group : catalog.mirroredComponents()) {
			boolean on = MirroredComponents.ALWAYS.equals(group.option()) || spec.components().isOn(group.option());
			if (!on) {
				continue;
			}
			for (String component : group.components()) {
				String image = components.get(component);
				if (image != null) {
					images.add(image(component, image, registry));
				}
			}
		}
		if (spec.components().stork()) {
			// Stork's scheduler pulls the cluster's own kube-scheduler: listed when kbver
			// says which.
			KubernetesVersion.parse(spec.basic().kubernetesVersion())
				.flatMap((version) -> version.plain()
					.map((plain) -> catalog.images()
						.kubeSchedulerPins()
						.getOrDefault(version.major() + "." + version.minor(), "v" + plain)))
				.ifPresent((tag) -> images
					.add(image("kubeScheduler", catalog.images().kubeScheduler() + ":" + tag, registry)));
		}
		return images;
	}

	/** Where the component versions come from, to show beside the list. */
	public ComponentSet componentSource(InstallSpec spec) {
		return catalog.components(spec.release());
	}

	/**
	 * A POSIX shell script that copies every image into the custom registry with skopeo.
	 */
	public String copyScript(InstallSpec spec) {
		StringBuilder script = new StringBuilder("#!/bin/sh\n");
		script.append("# Copies the images Portworx ")
			.append(spec.release().imageVersion())
			.append(" pulls into ")
			.append(spec.registry().registry())
			.append(" (skopeo; log in to both registries first).\n");
		script.append("set -eu\n");
		for (MirroredImage image : images(spec)) {
			script.append("skopeo copy --all ")
				.append(ShellQuoting.singleQuoted("docker://" + qualified(image.image())))
				.append(' ')
				.append(ShellQuoting.singleQuoted("docker://" + image.pulledAs()))
				.append('\n');
		}
		return script.toString();
	}

	/** One image a line; with a custom registry, the name it is pulled by follows. */
	public String text(InstallSpec spec) {
		StringBuilder text = new StringBuilder();
		for (MirroredImage image : images(spec)) {
			text.append(qualified(image.image()));
			if (!image.pulledAs().equals(image.image())) {
				text.append(' ').append(image.pulledAs());
			}
			text.append('\n');
		}
		return text.toString();
	}

	private static MirroredImage image(String component, String image, CustomRegistry registry) {
		return new MirroredImage(component, image, registry.isSet() ? registry.resolve(image) : image);
	}

	/**
	 * The image with its registry named, as skopeo wants it ({@code portworx/px-operator}
	 * is Docker Hub's).
	 */
	static String qualified(String image) {
		int slash = image.indexOf('/');
		String first = (slash < 0) ? "" : image.substring(0, slash);
		boolean hasRegistry = first.contains(".") || first.contains(":") || first.equals("localhost");
		return hasRegistry ? image : DEFAULT_REGISTRY + "/" + image;
	}

	/**
	 * One image of an install.
	 *
	 * @param component the release-manifest key ({@code stork}) or {@code portworx} /
	 * {@code operator}
	 * @param image the image as Portworx names it
	 * @param pulledAs the name the cluster pulls it by: from the custom registry when the
	 * spec names one
	 */
	public record MirroredImage(String component, String image, String pulledAs) {
	}

}
