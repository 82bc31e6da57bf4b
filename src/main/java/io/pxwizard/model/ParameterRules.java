package io.pxwizard.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks shared by the option families. Each adds a problem to the field it reads and
 * never throws.
 */
final class ParameterRules {

	/** A device node such as /dev/sdb or /dev/disk/by-id/wwn-0x5000c500a0b1c2d3. */
	static final Pattern DEVICE_PATH = Pattern.compile("/dev/[A-Za-z0-9_.:+-]+(/[A-Za-z0-9_.:+-]+)*");

	/** A Kubernetes object name that is also a label value (RFC 1123 label). */
	static final Pattern DNS_LABEL = KubernetesNames.DNS_LABEL;

	/** A Kubernetes object name (RFC 1123 subdomain). */
	static final Pattern DNS_SUBDOMAIN = Pattern
		.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	static final int MAX_LENGTH = 256;

	private ParameterRules() {
	}

	/**
	 * A checkbox or URL flag: {@code true}, or absent/empty/{@code false}. Anything else
	 * is an unknown value.
	 */
	static boolean flag(SpecParameters state, String name, FieldErrors errors) {
		return flag(state, name, false, errors);
	}

	/**
	 * A flag whose absence means {@code whenAbsent} (telemetry is on unless
	 * {@code tel=false}).
	 */
	static boolean flag(SpecParameters state, String name, boolean whenAbsent, FieldErrors errors) {
		if (!state.has(name) || state.get(name).isEmpty()) {
			return whenAbsent;
		}
		return switch (state.get(name)) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				errors.reject(name, "error.flag", name);
				yield whenAbsent;
			}
		};
	}

	/** Whether the value fits its length limit; a problem is added when it does not. */
	static boolean withinLength(String field, String value, int max, FieldErrors errors) {
		if (value.length() > max) {
			errors.reject(field, "error.tooLong", max);
			return false;
		}
		return true;
	}

	/**
	 * Splits a list typed with commas, spaces or one item a line; empty items are
	 * dropped.
	 */
	static List<String> items(String value) {
		List<String> items = new ArrayList<>();
		for (String item : value.split("[,\\s]+")) {
			if (!item.isEmpty()) {
				items.add(item);
			}
		}
		return items;
	}

	/** Device paths, each checked; a repeated device is a problem too. */
	static List<String> devicePaths(String field, String value, FieldErrors errors) {
		List<String> devices = items(value);
		for (String device : devices) {
			if (!DEVICE_PATH.matcher(device).matches() || device.contains("..") || device.length() > 128) {
				errors.reject(field, "error.devicePath", device);
			}
		}
		if (devices.stream().distinct().count() < devices.size()) {
			errors.reject(field, "error.deviceRepeated");
		}
		return devices;
	}

}
