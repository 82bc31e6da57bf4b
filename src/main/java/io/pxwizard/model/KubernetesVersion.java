package io.pxwizard.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes version as {@code kubectl version} prints it for real distributions
 * ({@code 1.29.4}, {@code v1.29.4+k3s1}, {@code 1.23.13-eks-fb459a0},
 * {@code 1.27.3-gke.100}, {@code v1.28.9+rke2r1}). Portworx Central keeps the text as
 * typed in {@code kbver=} and reads only the leading {@code major.minor.patch}, as this
 * does.
 *
 * @param typed the version as given
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch level, {@code null} when not given
 */
public record KubernetesVersion(String typed, int major, int minor, Integer patch) {

	/**
	 * An optional {@code v}, {@code major.minor[.patch]}, then a distribution's
	 * {@code -suffix} or {@code +suffix}.
	 */
	private static final Pattern FORMAT = Pattern
		.compile("v?([0-9]{1,2})\\.([0-9]{1,3})(?:\\.([0-9]{1,4}))?(?:[-+][0-9A-Za-z][0-9A-Za-z.+_-]{0,63})?");

	public static Optional<KubernetesVersion> parse(String typed) {
		Matcher matcher = FORMAT.matcher(typed);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		return Optional
			.of(new KubernetesVersion(typed, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					(matcher.group(3) != null) ? Integer.parseInt(matcher.group(3)) : null));
	}

	/**
	 * {@code 1.29.4} without prefix or distribution suffix; empty without a patch level.
	 */
	public Optional<String> plain() {
		return (patch != null) ? Optional.of(major + "." + minor + "." + patch) : Optional.empty();
	}

	/** Whether this version is older than {@code major.minor}. */
	public boolean isBefore(int major, int minor) {
		return (this.major != major) ? this.major < major : this.minor < minor;
	}

	/**
	 * The server's {@code gitVersion} as Portworx's docs put it into {@code kbver}:
	 * without the leading {@code v}, with the distribution's suffix ({@code v1.29.4+k3s1}
	 * → {@code 1.29.4+k3s1}).
	 */
	public static String fromGitVersion(String gitVersion) {
		String version = gitVersion.strip();
		return version.startsWith("v") ? version.substring(1) : version;
	}

}
