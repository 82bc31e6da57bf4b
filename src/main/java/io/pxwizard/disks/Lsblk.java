package io.pxwizard.disks;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code lsblk --json} as every util-linux prints it: older versions write numbers
 * and flags as strings ({@code "size": "107374182400"}, {@code "rota": "1"}), newer ones
 * as JSON numbers and booleans, and newer ones still may write {@code mountpoints} arrays
 * ({@code [null]} when not mounted) instead of {@code mountpoint}.
 */
public final class Lsblk {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Lsblk() {
	}

	/**
	 * The devices of one node; a text that is not lsblk's JSON is a
	 * {@link IllegalArgumentException}.
	 */
	public static List<BlockDevice> parse(String json) {
		JsonNode root;
		try {
			root = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not lsblk's JSON output: " + ex.getOriginalMessage(), ex);
		}
		JsonNode devices = root.path("blockdevices");
		if (!devices.isArray()) {
			throw new IllegalArgumentException("not lsblk's JSON output: no blockdevices");
		}
		return devices(devices);
	}

	private static List<BlockDevice> devices(JsonNode array) {
		List<BlockDevice> devices = new ArrayList<>();
		for (JsonNode node : array) {
			String name = text(node, "name");
			String path = text(node, "path");
			devices.add(new BlockDevice(name, (path != null) ? path : "/dev/" + name, text(node, "type"),
					number(node.path("size")), text(node, "fstype"), mountpoints(node), flag(node.path("rota")),
					flag(node.path("ro")), flag(node.path("rm")), devices(node.path("children"))));
		}
		return devices;
	}

	private static List<String> mountpoints(JsonNode node) {
		List<String> mountpoints = new ArrayList<>();
		String single = text(node, "mountpoint");
		if (single != null) {
			mountpoints.add(single);
		}
		for (JsonNode mountpoint : node.path("mountpoints")) {
			if (mountpoint.isString() && !mountpoint.asString().isEmpty()
					&& !mountpoints.contains(mountpoint.asString())) {
				mountpoints.add(mountpoint.asString());
			}
		}
		return mountpoints;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

	private static long number(JsonNode value) {
		if (value.isNumber()) {
			return value.asLong();
		}
		try {
			return value.isString() ? Long.parseLong(value.asString().strip()) : 0;
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static boolean flag(JsonNode value) {
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isNumber()) {
			return value.asInt() != 0;
		}
		return value.isString() && ("1".equals(value.asString()) || "true".equals(value.asString()));
	}

}
