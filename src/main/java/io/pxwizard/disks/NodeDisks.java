package io.pxwizard.disks;

import java.util.List;

/**
 * One node's devices under a spec's options.
 *
 * @param node the Kubernetes node
 * @param devices a verdict per device: every whole disk, and every device the spec names
 * @param problems the spec's named devices this node lacks or cannot give (message keys
 * with arguments)
 */
public record NodeDisks(String node, List<DeviceVerdict> devices, List<Problem> problems) {

	public NodeDisks {
		devices = List.copyOf(devices);
		problems = List.copyOf(problems);
	}

	/**
	 * Portworx would have storage here: at least one device for storage and every named
	 * device in place.
	 */
	public boolean hasStorage() {
		return problems.isEmpty() && devices.stream().anyMatch((device) -> device.role() == DeviceVerdict.Role.STORAGE);
	}

	public long storageBytes() {
		return devices.stream()
			.filter((device) -> device.role() == DeviceVerdict.Role.STORAGE)
			.mapToLong(DeviceVerdict::size)
			.sum();
	}

	public String humanStorage() {
		return DiskUnits.human(storageBytes());
	}

	/**
	 * A named device this node cannot give.
	 *
	 * @param reason the message key ({@code disk.problem.*})
	 * @param arguments its arguments
	 */
	public record Problem(String reason, List<Object> arguments) {

		public Problem {
			arguments = List.copyOf(arguments);
		}

	}

}
