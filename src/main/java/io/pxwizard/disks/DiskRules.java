package io.pxwizard.disks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.pxwizard.disks.DeviceVerdict.Role;
import io.pxwizard.disks.NodeDisks.Problem;
import io.pxwizard.model.StorageOptions;

/**
 * Which devices Portworx would take on a node with a spec's storage options, as its
 * documentation and the px daemon's flags describe them: an automatic scan ({@code -a})
 * takes whole disks that are unmounted and hold no filesystem or partitions; with "use
 * unmounted disks even if they have a partition or filesystem" ({@code -A -f}) also
 * unmounted ones that do; never a device that is mounted, swap, read-only, removable or a
 * CD. Named devices ({@code s=}, {@code j=}, {@code kd=}) must exist on the node and be
 * free, and the journal and KVDB devices are not storage devices.
 */
public final class DiskRules {

	private static final Set<String> WHOLE_DISKS = Set.of("disk", "mpath");

	private DiskRules() {
	}

	public static NodeDisks judge(String node, StorageOptions options, List<BlockDevice> devices) {
		List<BlockDevice> all = new ArrayList<>();
		devices.forEach((device) -> all.addAll(device.withDescendants()));
		List<Problem> problems = new ArrayList<>();
		Set<String> reserved = new LinkedHashSet<>();
		List<DeviceVerdict> verdicts = new ArrayList<>();
		String journal = options.journalDevice();
		if (!journal.isEmpty() && !"auto".equals(journal)) {
			named(journal, Role.JOURNAL, all, problems, verdicts);
			reserved.add(journal);
		}
		if (!options.kvdbDevice().isEmpty()) {
			named(options.kvdbDevice(), Role.KVDB, all, problems, verdicts);
			reserved.add(options.kvdbDevice());
		}
		if (options.automaticScan()) {
			for (BlockDevice device : devices) {
				if (!reserved.contains(device.path()) && !holds(device, reserved)) {
					verdicts.add(automatic(device, options.useUnmountedDisks()));
				}
			}
		}
		else {
			for (String path : options.devices()) {
				if (reserved.contains(path)) {
					problems.add(new Problem("disk.problem.sameDevice", List.of(path)));
				}
				else {
					named(path, Role.STORAGE, all, problems, verdicts);
				}
			}
			for (BlockDevice device : devices) {
				if (verdicts.stream().noneMatch((verdict) -> verdict.path().equals(device.path()))
						&& !reserved.contains(device.path()) && WHOLE_DISKS.contains(device.type())) {
					verdicts.add(skipped(device, "disk.reason.notNamed"));
				}
			}
		}
		return new NodeDisks(node, verdicts, problems);
	}

	/** A whole device under an automatic scan. */
	private static DeviceVerdict automatic(BlockDevice device, boolean useUnmounted) {
		Optional<DeviceVerdict> unusable = unusable(device);
		if (unusable.isPresent()) {
			return unusable.get();
		}
		if (!WHOLE_DISKS.contains(device.type())) {
			return skipped(device, "disk.reason.notADisk", device.type());
		}
		boolean partitioned = !device.children().isEmpty();
		if (partitioned || device.fstype() != null) {
			if (useUnmounted) {
				return new DeviceVerdict(device.path(), device.size(), !device.rotational(), Role.STORAGE,
						partitioned ? "disk.reason.forcedPartitions" : "disk.reason.forcedFilesystem",
						List.of(String.valueOf(device.fstype())));
			}
			return partitioned ? skipped(device, "disk.reason.partitions")
					: skipped(device, "disk.reason.filesystem", device.fstype());
		}
		return new DeviceVerdict(device.path(), device.size(), !device.rotational(), Role.STORAGE, "disk.reason.free",
				List.of());
	}

	/** A device the spec names for a role: it must exist and be free. */
	private static void named(String path, Role role, List<BlockDevice> all, List<Problem> problems,
			List<DeviceVerdict> verdicts) {
		Optional<BlockDevice> found = all.stream()
			.filter((device) -> device.path().equals(path) || ("/dev/" + device.name()).equals(path))
			.findFirst();
		if (found.isEmpty()) {
			problems.add(new Problem("disk.problem.missing", List.of(path)));
			return;
		}
		BlockDevice device = found.get();
		Optional<DeviceVerdict> unusable = unusable(device);
		if (unusable.isPresent()) {
			verdicts.add(unusable.get());
			problems.add(new Problem("disk.problem.notFree", List.of(path)));
			return;
		}
		verdicts.add(new DeviceVerdict(device.path(), device.size(), !device.rotational(), role, "disk.reason.named",
				List.of(role.name().toLowerCase())));
	}

	/** Why no option lets Portworx use the device, if none does. */
	private static Optional<DeviceVerdict> unusable(BlockDevice device) {
		if ("loop".equals(device.type())) {
			return Optional.of(skipped(device, "disk.reason.loop"));
		}
		if ("rom".equals(device.type()) || device.removable()) {
			return Optional.of(skipped(device, "disk.reason.removable"));
		}
		if (device.readOnly()) {
			return Optional.of(skipped(device, "disk.reason.readOnly"));
		}
		if (device.holdsSwap()) {
			return Optional.of(skipped(device, "disk.reason.swap"));
		}
		String mountedAt = device.mountedAt();
		if (mountedAt != null) {
			return Optional.of(skipped(device, "disk.reason.mounted", mountedAt));
		}
		return Optional.empty();
	}

	private static boolean holds(BlockDevice device, Set<String> paths) {
		return device.withDescendants().stream().anyMatch((held) -> paths.contains(held.path()));
	}

	private static DeviceVerdict skipped(BlockDevice device, String reason, Object... arguments) {
		return new DeviceVerdict(device.path(), device.size(), !device.rotational(), Role.SKIPPED, reason,
				List.of(arguments));
	}

}
