package io.pxwizard.disks;

import java.util.ArrayList;
import java.util.List;

/**
 * One block device as
 * {@code lsblk --json --bytes --output NAME,PATH,TYPE,SIZE,FSTYPE,MOUNTPOINT,ROTA,RO,RM,PKNAME}
 * prints it, with its partitions, LVM volumes and other holders below it.
 *
 * @param name the kernel name ({@code sdb})
 * @param path the device node ({@code /dev/sdb})
 * @param type {@code disk}, {@code part}, {@code lvm}, {@code loop}, {@code rom},
 * {@code mpath}, ...
 * @param size bytes
 * @param fstype the filesystem or signature ({@code xfs}, {@code swap},
 * {@code LVM2_member}), {@code null} for none
 * @param mountpoints where it is mounted; empty when it is not
 * @param rotational a spinning disk (HDD) rather than an SSD
 * @param readOnly read-only
 * @param removable removable (a USB stick, a CD)
 * @param children partitions and holders
 */
public record BlockDevice(String name, String path, String type, long size, String fstype, List<String> mountpoints,
		boolean rotational, boolean readOnly, boolean removable, List<BlockDevice> children) {

	public BlockDevice {
		mountpoints = List.copyOf(mountpoints);
		children = List.copyOf(children);
	}

	public boolean isMounted() {
		return !mountpoints.isEmpty();
	}

	/** This device and everything below it. */
	public List<BlockDevice> withDescendants() {
		List<BlockDevice> all = new ArrayList<>();
		all.add(this);
		children.forEach((child) -> all.addAll(child.withDescendants()));
		return all;
	}

	/** The first mount point of this device or one below it, or {@code null}. */
	public String mountedAt() {
		return withDescendants().stream()
			.filter(BlockDevice::isMounted)
			.map((device) -> device.mountpoints().get(0))
			.findFirst()
			.orElse(null);
	}

	public boolean holdsSwap() {
		return withDescendants().stream().anyMatch((device) -> "swap".equals(device.fstype()));
	}

}
