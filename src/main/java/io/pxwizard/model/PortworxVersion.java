package io.pxwizard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Portworx release as its image tag names it ({@code 2.8.1.5}, {@code 3.1.6},
 * {@code 3.2.0-ubuntu1804}): numbers compared one by one, a missing one counting as 0, a
 * suffix ignored.
 *
 * @param text the numbers as written ({@code 2.8.1.5})
 * @param numbers the numbers
 */
public record PortworxVersion(String text, List<Integer> numbers) implements Comparable<PortworxVersion> {

	private static final Pattern TAG = Pattern.compile("([0-9]{1,4}(?:\\.[0-9]{1,6}){1,4})(?:[-+_][0-9A-Za-z._+-]*)?");

	public PortworxVersion {
		numbers = List.copyOf(numbers);
	}

	/** The release an image tag names; empty for a tag that is not one. */
	public static Optional<PortworxVersion> parse(String tag) {
		Matcher matcher = TAG.matcher(tag);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		List<Integer> numbers = new ArrayList<>();
		for (String number : matcher.group(1).split("\\.")) {
			numbers.add(Integer.parseInt(number));
		}
		return Optional.of(new PortworxVersion(matcher.group(1), numbers));
	}

	/**
	 * The release of an image reference
	 * ({@code registry:5000/portworx/oci-monitor:2.8.1.5}); empty without a tag or with a
	 * digest only.
	 */
	public static Optional<PortworxVersion> ofImage(String image) {
		if (image == null || image.contains("@")) {
			return Optional.empty();
		}
		int colon = image.lastIndexOf(':');
		if (colon < 0 || image.indexOf('/', colon) >= 0) {
			return Optional.empty();
		}
		return parse(image.substring(colon + 1));
	}

	@Override
	public int compareTo(PortworxVersion other) {
		for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
			int difference = Integer.compare(at(i), other.at(i));
			if (difference != 0) {
				return difference;
			}
		}
		return 0;
	}

	public boolean isOlderThan(PortworxVersion other) {
		return compareTo(other) < 0;
	}

	private int at(int index) {
		return (index < numbers.size()) ? numbers.get(index) : 0;
	}

	@Override
	public String toString() {
		return text;
	}

}
