package io.pxwizard.model;

import java.util.List;

/**
 * On-premises storage: which disks Portworx takes and where its journal and KVDB go.
 *
 * @param devices manually specified disks ({@code s=}); empty means "Automatically scan
 * disks"
 * @param useUnmountedDisks use unmounted disks even if they have a partition or
 * filesystem ({@code f=true})
 * @param journalDevice {@code auto}, a device path, or empty for none ({@code j=})
 * @param kvdbDevice a dedicated KVDB device ({@code kd=}), empty when the KVDB device is
 * skipped
 * @param ioProfile the default IO profile ({@code iop=}, {@code 6} for Auto), empty for
 * none
 */
public record StorageOptions(List<String> devices, boolean useUnmountedDisks, String journalDevice, String kvdbDevice,
		String ioProfile) {

	public StorageOptions {
		devices = List.copyOf(devices);
	}

	public boolean automaticScan() {
		return devices.isEmpty();
	}

}
