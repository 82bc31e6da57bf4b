package io.pxwizard.disks;

import java.util.List;

/**
 * What Portworx would do with one device of a node under a spec's options, and why.
 *
 * @param path the device node
 * @param size bytes
 * @param ssd an SSD (not rotational)
 * @param role what Portworx would use it for, or {@link Role#SKIPPED}
 * @param reason the message key of why ({@code disk.reason.*} in messages.properties)
 * @param arguments the message's arguments
 */
public record DeviceVerdict(String path, long size, boolean ssd, Role role, String reason, List<Object> arguments) {

	public DeviceVerdict {
		arguments = List.copyOf(arguments);
	}

	public boolean isUsed() {
		return role != Role.SKIPPED;
	}

	/** Sizes as people read them: binary units, one decimal. */
	public String humanSize() {
		return DiskUnits.human(size);
	}

	/** What a device is for. */
	public enum Role {

		STORAGE, JOURNAL, KVDB, SKIPPED

	}

}
