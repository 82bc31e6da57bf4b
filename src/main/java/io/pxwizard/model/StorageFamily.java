package io.pxwizard.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pxwizard.catalog.ReleaseProfile;

/**
 * {@code s}, {@code f}, {@code j} and {@code kd}, plus the page's scan and
 * skip-KVDB-device choices.
 */
public final class StorageFamily implements OptionFamily<StorageOptions> {

	static final String DEVICES = "s";

	static final String USE_UNMOUNTED = "f";

	static final String JOURNAL = "j";

	static final String KVDB_DEVICE = "kd";

	/**
	 * "Default IO Profile" (3.x): {@code iop=6} is Auto, written as
	 * {@code runtimeOptions.default-io-profile}.
	 */
	static final String IO_PROFILE = "iop";

	private static final Pattern IO_PROFILE_VALUE = Pattern.compile("[0-9]{1,2}");

	/**
	 * "Automatically scan disks" ({@code auto}) or "Manually specify disks"
	 * ({@code manual}).
	 */
	static final String SCAN = "scan";

	/** "Skip KVDB device". */
	static final String SKIP_KVDB_DEVICE = "kdskip";

	/**
	 * "Journal Device": None, Auto or a device ({@code j=} empty, {@code auto} or a
	 * path), as Portworx Central offers.
	 */
	static final String JOURNAL_MODE = "jmode";

	static final String NONE = "none";

	static final String DEVICE = "device";

	/**
	 * "Select your environment": only On Premises is offered (cloud drives are outside
	 * px-wizard's scope).
	 */
	static final String ENVIRONMENT = "env";

	static final String ON_PREMISES = "onprem";

	static final String AUTO = "auto";

	static final String MANUAL = "manual";

	private static final int MAX_DEVICES = 32;

	@Override
	public String name() {
		return OptionFamilies.STORAGE;
	}

	@Override
	public Set<String> parameters() {
		return Set.of(DEVICES, USE_UNMOUNTED, JOURNAL, KVDB_DEVICE, IO_PROFILE);
	}

	/**
	 * Cloud-drive specs ({@code s="type=gp2,size=150"}, {@code kd=type=gp2,size=150}) are
	 * outside px-wizard's scope.
	 */
	@Override
	public boolean keepsAsGiven(String parameter, String value) {
		return (DEVICES.equals(parameter) || JOURNAL.equals(parameter) || KVDB_DEVICE.equals(parameter))
				&& value.contains("=");
	}

	@Override
	public Set<String> formOnlyFields() {
		return Set.of(SCAN, SKIP_KVDB_DEVICE, ENVIRONMENT, JOURNAL_MODE);
	}

	@Override
	public Map<String, String> impliedFormValues(SpecParameters state) {
		String journal = state.trimmed(JOURNAL);
		return Map.of(SCAN, state.has(DEVICES) ? MANUAL : AUTO, SKIP_KVDB_DEVICE,
				String.valueOf(!state.has(KVDB_DEVICE)), ENVIRONMENT, ON_PREMISES, JOURNAL_MODE,
				journal.isEmpty() ? NONE : AUTO.equals(journal) ? AUTO : DEVICE);
	}

	@Override
	public StorageOptions read(SpecParameters state, FieldErrors errors) {
		if (state.has(ENVIRONMENT) && !ON_PREMISES.equals(state.get(ENVIRONMENT))) {
			errors.reject(ENVIRONMENT, "error.choice");
		}
		String scan = state.has(SCAN) ? state.get(SCAN) : impliedFormValues(state).get(SCAN);
		List<String> devices = List.of();
		if (MANUAL.equals(scan)) {
			if (ParameterRules.withinLength(DEVICES, state.get(DEVICES), 4096, errors)) {
				devices = ParameterRules.devicePaths(DEVICES, state.get(DEVICES), errors);
				if (devices.isEmpty()) {
					errors.reject(DEVICES, "error.devices.missing");
				}
				else if (devices.size() > MAX_DEVICES) {
					errors.reject(DEVICES, "error.devices.tooMany", MAX_DEVICES);
				}
			}
		}
		else if (!AUTO.equals(scan)) {
			errors.reject(SCAN, "error.choice");
		}
		boolean useUnmounted = ParameterRules.flag(state, USE_UNMOUNTED, errors);
		String journal = journalDevice(state, errors);
		String ioProfile = state.trimmed(IO_PROFILE);
		if (!ioProfile.isEmpty() && !IO_PROFILE_VALUE.matcher(ioProfile).matches()) {
			errors.reject(IO_PROFILE, "error.ioProfile");
		}
		return new StorageOptions(devices, useUnmounted, journal, kvdbDevice(state, errors), ioProfile);
	}

	/**
	 * None, Auto or one device path; a page's choice ({@code jmode}) wins over what the
	 * text field holds.
	 */
	private static String journalDevice(SpecParameters state, FieldErrors errors) {
		String typed = state.trimmed(JOURNAL);
		String mode = state.has(JOURNAL_MODE) ? state.get(JOURNAL_MODE)
				: typed.isEmpty() ? NONE : AUTO.equals(typed) ? AUTO : DEVICE;
		switch (mode) {
			case NONE:
				return "";
			case AUTO:
				return AUTO;
			case DEVICE:
				if (typed.isEmpty() || AUTO.equals(typed)) {
					errors.reject(JOURNAL, "error.journal.missing");
					return typed;
				}
				List<String> paths = ParameterRules.devicePaths(JOURNAL, typed, errors);
				if (paths.size() > 1) {
					errors.reject(JOURNAL, "error.journal.one");
				}
				// The one path itself, not the text around it ("/dev/sdc," is /dev/sdc).
				return (paths.size() == 1) ? paths.get(0) : typed;
			default:
				errors.reject(JOURNAL_MODE, "error.choice");
				return typed;
		}
	}

	/**
	 * Portworx Central offers a KVDB device only with its built-in KVDB: the one rule the
	 * page and the reading share.
	 */
	public static boolean offersKvdbDevice(SpecParameters state) {
		return !state.has(KvdbFamily.ETCD) || state.isTrue(KvdbFamily.BUILT_IN);
	}

	private String kvdbDevice(SpecParameters state, FieldErrors errors) {
		boolean skip = state.has(SKIP_KVDB_DEVICE) ? ParameterRules.flag(state, SKIP_KVDB_DEVICE, errors)
				: !state.has(KVDB_DEVICE);
		String device = state.trimmed(KVDB_DEVICE);
		if (!offersKvdbDevice(state)) {
			// Portworx only offers a KVDB device for its built-in KVDB.
			if (!device.isEmpty() && !skip) {
				errors.reject(KVDB_DEVICE, "error.kvdbDevice.external");
			}
			return "";
		}
		if (skip) {
			return "";
		}
		if (device.isEmpty()) {
			errors.reject(KVDB_DEVICE, "error.kvdbDevice.missing");
		}
		else {
			List<String> paths = ParameterRules.devicePaths(KVDB_DEVICE, device, errors);
			if (paths.size() > 1) {
				errors.reject(KVDB_DEVICE, "error.kvdbDevice.one");
			}
			if (paths.size() == 1) {
				return paths.get(0);
			}
		}
		return device;
	}

	@Override
	public void describe(StorageOptions options, StorageClusterDraft cluster) {
		if (options.automaticScan()) {
			// f=true, "even if they have a partition or filesystem", is px's -A and -f
			// instead of -a (real 2.12.1 spec).
			cluster.set(options.useUnmountedDisks() ? "storage.useAllWithPartitions" : "storage.useAll", true);
		}
		else {
			cluster.set("storage.devices", options.devices());
		}
		if (options.useUnmountedDisks()) {
			cluster.set("storage.forceUseDisks", true);
		}
		if (!options.journalDevice().isEmpty()) {
			cluster.set("storage.journalDevice", options.journalDevice());
		}
		if (!options.kvdbDevice().isEmpty()) {
			cluster.set("storage.kvdbDevice", options.kvdbDevice());
		}
		if (!options.ioProfile().isEmpty()) {
			cluster.set("runtimeOptions.default-io-profile", options.ioProfile());
		}
	}

	@Override
	public void write(StorageOptions options, ReleaseProfile profile, Map<String, String> parameters) {
		if (!options.automaticScan()) {
			parameters.put(DEVICES, String.join(",", options.devices()));
		}
		if (options.useUnmountedDisks()) {
			parameters.put(USE_UNMOUNTED, "true");
		}
		if (!options.journalDevice().isEmpty()) {
			parameters.put(JOURNAL, options.journalDevice());
		}
		if (!options.kvdbDevice().isEmpty()) {
			parameters.put(KVDB_DEVICE, options.kvdbDevice());
		}
		if (!options.ioProfile().isEmpty()) {
			parameters.put(IO_PROFILE, options.ioProfile());
		}
	}

}
