package io.pxwizard.disks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.pxwizard.disks.DeviceVerdict.Role;
import io.pxwizard.model.StorageOptions;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Which disks Portworx would take, over lsblk output in the shapes real machines print it
 * (disks/README.md).
 */
class DiskRulesTests {

	private static final StorageOptions AUTO = new StorageOptions(List.of(), false, "auto", "", "");

	private static final StorageOptions AUTO_FORCED = new StorageOptions(List.of(), true, "auto", "", "");

	@Test
	void anAutomaticScanTakesOnlyTheEmptyWholeDisk() {
		NodeDisks node = DiskRules.judge("node-1", AUTO, devices("lvm-root-empty-ssd.json"));
		assertThat(node.devices()).extracting(DeviceVerdict::path, DeviceVerdict::role, DeviceVerdict::reason)
			.containsExactly(tuple("/dev/loop0", Role.SKIPPED, "disk.reason.loop"),
					tuple("/dev/sda", Role.SKIPPED, "disk.reason.mounted"),
					tuple("/dev/sdb", Role.STORAGE, "disk.reason.free"),
					tuple("/dev/sr0", Role.SKIPPED, "disk.reason.removable"));
		assertThat(node.devices().get(1).arguments()).containsExactly("/boot");
		assertThat(node.devices().get(2).ssd()).isTrue();
		assertThat(node.devices().get(2).humanSize()).isEqualTo("100 GiB");
		assertThat(node.hasStorage()).isTrue();
	}

	@Test
	void olderUtilLinuxStringsAreReadAndFilesystemsNeedTheUseUnmountedBox() {
		List<BlockDevice> devices = devices("strings-formatted-swap.json");
		assertThat(devices.get(1).size()).isEqualTo(214748364800L);
		assertThat(devices.get(1).rotational()).isFalse();
		NodeDisks plain = DiskRules.judge("node-2", AUTO, devices);
		assertThat(plain.devices()).extracting(DeviceVerdict::path, DeviceVerdict::reason)
			.containsExactly(tuple("/dev/sda", "disk.reason.mounted"), tuple("/dev/sdb", "disk.reason.filesystem"),
					tuple("/dev/sdc", "disk.reason.partitions"), tuple("/dev/sdd", "disk.reason.swap"));
		assertThat(plain.devices().get(1).arguments()).containsExactly("xfs");
		assertThat(plain.hasStorage()).isFalse();
		NodeDisks forced = DiskRules.judge("node-2", AUTO_FORCED, devices);
		assertThat(forced.devices()).filteredOn(DeviceVerdict::isUsed)
			.extracting(DeviceVerdict::path)
			.containsExactly("/dev/sdb", "/dev/sdc");
		assertThat(forced.devices()).filteredOn((device) -> device.path().equals("/dev/sdd"))
			.extracting(DeviceVerdict::reason)
			.containsExactly("disk.reason.swap");
	}

	@Test
	void newerMountpointsArraysAndReadOnlyDisks() {
		NodeDisks node = DiskRules.judge("node-3", AUTO, devices("nvme-mountpoints.json"));
		assertThat(node.devices()).extracting(DeviceVerdict::path, DeviceVerdict::reason)
			.containsExactly(tuple("/dev/nvme0n1", "disk.reason.mounted"), tuple("/dev/nvme1n1", "disk.reason.free"),
					tuple("/dev/nvme2n1", "disk.reason.readOnly"));
		assertThat(node.devices().get(0).arguments()).containsExactly("/boot/efi");
	}

	@Test
	void aNodeWithOnlyItsRootDiskHasNoStorage() {
		NodeDisks node = DiskRules.judge("node-4", AUTO_FORCED, devices("root-only.json"));
		assertThat(node.hasStorage()).isFalse();
		assertThat(node.devices()).singleElement().extracting(DeviceVerdict::reason).isEqualTo("disk.reason.mounted");
	}

	@Test
	void multipathMembersAreNotTakenAsPlainDisks() {
		NodeDisks node = DiskRules.judge("node-5", AUTO, devices("multipath.json"));
		assertThat(node.devices()).extracting(DeviceVerdict::path, DeviceVerdict::reason)
			.containsExactly(tuple("/dev/sda", "disk.reason.mounted"), tuple("/dev/sdb", "disk.reason.partitions"),
					tuple("/dev/sdc", "disk.reason.partitions"));
	}

	@Test
	void namedDevicesMustExistBeFreeAndNotDoubleAsJournalOrKvdb() {
		List<BlockDevice> devices = devices("strings-formatted-swap.json");
		StorageOptions manual = new StorageOptions(List.of("/dev/sdb", "/dev/sde"), false, "/dev/sdd", "/dev/sdc", "");
		NodeDisks node = DiskRules.judge("node-2", manual, devices);
		assertThat(node.problems()).extracting(NodeDisks.Problem::reason, (problem) -> problem.arguments().get(0))
			.containsExactly(tuple("disk.problem.notFree", "/dev/sdd"), tuple("disk.problem.missing", "/dev/sde"));
		assertThat(node.devices()).extracting(DeviceVerdict::path, DeviceVerdict::role)
			.contains(tuple("/dev/sdc", Role.KVDB), tuple("/dev/sdb", Role.STORAGE), tuple("/dev/sda", Role.SKIPPED));
		assertThat(node.hasStorage()).isFalse();
		StorageOptions sameDisk = new StorageOptions(List.of("/dev/sdb"), false, "", "/dev/sdb", "");
		assertThat(DiskRules.judge("node-2", sameDisk, devices).problems()).extracting(NodeDisks.Problem::reason)
			.containsExactly("disk.problem.sameDevice");
	}

	@Test
	void theClusterPassesWithThreeStorageNodesWarnsWithFewerFailsWithNone() {
		NodeDisks with = DiskRules.judge("a", AUTO, devices("lvm-root-empty-ssd.json"));
		NodeDisks without = DiskRules.judge("b", AUTO, devices("root-only.json"));
		assertThat(new ScanSummary(List.of(with, with, with)).verdict()).isEqualTo(ScanSummary.Verdict.PASS);
		assertThat(new ScanSummary(List.of(with, without, without)).verdict()).isEqualTo(ScanSummary.Verdict.WARN);
		assertThat(new ScanSummary(List.of(without, without, without)).verdict()).isEqualTo(ScanSummary.Verdict.FAIL);
	}

	@Test
	void textThatIsNotLsblksJsonIsRefusedInWords() {
		assertThatIllegalArgumentException().isThrownBy(() -> Lsblk.parse("lsblk: unknown column"))
			.withMessageStartingWith("not lsblk's JSON output");
		assertThatIllegalArgumentException().isThrownBy(() -> Lsblk.parse("{}")).withMessageContaining("blockdevices");
	}

	static List<BlockDevice> devices(String file) {
		try {
			return Lsblk.parse(new ClassPathResource("disks/" + file).getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
