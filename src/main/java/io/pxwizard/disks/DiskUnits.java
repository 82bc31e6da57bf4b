package io.pxwizard.disks;

import java.util.Locale;

/** Byte counts in binary units, as lsblk and kubectl print them. */
final class DiskUnits {

	private static final String[] UNITS = { "B", "KiB", "MiB", "GiB", "TiB", "PiB" };

	private DiskUnits() {
	}

	static String human(long bytes) {
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%d %s", (long) value, UNITS[unit])
				: String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
	}

}
