package io.pxwizard.apply;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pxwizard.cluster.ClusterInfo;

/**
 * One run on a cluster (an apply, an upgrade or an uninstall), as it goes: the lines so
 * far and how it ended. Written by the thread running it (its only writer), read by the
 * pages, so every field is safe to read at any time.
 */
public final class ApplyRun {

	private final String id;

	private final String specUrl;

	private final String version;

	private final String query;

	private final Map<String, String> parameters;

	private final boolean dryRun;

	private final String namespace;

	private final boolean local;

	private final ClusterInfo cluster;

	private final Instant started;

	private final List<ApplyLine> lines = new CopyOnWriteArrayList<>();

	private volatile State state = State.RUNNING;

	private volatile Instant finished;

	private volatile Action action = Action.APPLY;

	private volatile String upgradedFrom;

	private volatile String upgradedTo;

	private volatile String actor = "";

	private volatile Runnable beforeEnd = () -> {
	};

	/** Told of every line as it is written (the history keeps it in the database). */
	private volatile LineObserver observer = (position, line) -> {
	};

	ApplyRun(String id, String version, Map<String, String> parameters, String query, String specUrl, String namespace,
			boolean dryRun, boolean local, ClusterInfo cluster) {
		this(id, version, parameters, query, specUrl, namespace, dryRun, local, cluster, Instant.now());
	}

	private ApplyRun(String id, String version, Map<String, String> parameters, String query, String specUrl,
			String namespace, boolean dryRun, boolean local, ClusterInfo cluster, Instant started) {
		this.started = started;
		this.namespace = namespace;
		this.id = id;
		this.version = version;
		this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		this.query = query;
		this.specUrl = specUrl;
		this.dryRun = dryRun;
		this.local = local;
		this.cluster = cluster;
	}

	/** Adds a line, replacing the last one when it was the wait that this line ends. */
	public void add(ApplyLine line) {
		int last = lines.size() - 1;
		int position;
		if (last >= 0 && lines.get(last).status() == ApplyLine.Status.WAITING
				&& lines.get(last).object().equals(line.object())) {
			lines.set(last, line);
			position = last;
		}
		else {
			lines.add(line);
			position = last + 1;
		}
		observer.written(position, line);
	}

	void observe(LineObserver observer) {
		this.observer = observer;
	}

	/**
	 * A run as another px-wizard instance recorded it (it may still be going on there),
	 * for its page on this one.
	 */
	public static ApplyRun recorded(String id, String version, Map<String, String> parameters, String query,
			String specUrl, String namespace, boolean dryRun, boolean local, ClusterInfo cluster, Instant started,
			List<ApplyLine> lines, State state, Instant finished, Action action, String upgradedFrom, String upgradedTo,
			String actor) {
		ApplyRun run = new ApplyRun(id, version, parameters, query, specUrl, namespace, dryRun, local, cluster,
				started);
		run.lines.addAll(lines);
		run.state = state;
		run.finished = finished;
		run.describeAs(action, upgradedFrom, upgradedTo);
		run.startedBy(actor);
		return run;
	}

	/** Told where each line goes: a new position, or the wait it replaces. */
	@FunctionalInterface
	interface LineObserver {

		void written(int position, ApplyLine line);

	}

	/** Says what the run turned out to be, once the cluster has been looked at. */
	public void describeAs(Action action, String upgradedFrom, String upgradedTo) {
		this.action = action;
		this.upgradedFrom = upgradedFrom;
		this.upgradedTo = upgradedTo;
	}

	void startedBy(String actor) {
		this.actor = (actor != null) ? actor : "";
	}

	public void finish(State end) {
		// Let go of the cluster before the run reads as ended, so whoever sees it ended
		// may start the next one at once.
		beforeEnd.run();
		finished = Instant.now();
		state = end;
	}

	/** What to do just before the run reads as ended (give the cluster's Lease back). */
	void beforeEnd(Runnable action) {
		this.beforeEnd = action;
	}

	public String id() {
		return id;
	}

	public String version() {
		return version;
	}

	/** The spec's canonical query, to apply again or go back to the spec. */
	public String query() {
		return query;
	}

	/** The spec's parameters, to apply it again from a form. */
	public Map<String, String> parameters() {
		return parameters;
	}

	public String specUrl() {
		return specUrl;
	}

	/** Where the install's pods appear. */
	public String namespace() {
		return namespace;
	}

	public boolean dryRun() {
		return dryRun;
	}

	public boolean local() {
		return local;
	}

	public ClusterInfo cluster() {
		return cluster;
	}

	public Instant started() {
		return started;
	}

	public Instant finished() {
		return finished;
	}

	public List<ApplyLine> lines() {
		return List.copyOf(lines);
	}

	/** An apply, an upgrade or an uninstall. */
	public Action action() {
		return action;
	}

	/** The release an upgrade started from, else {@code null}. */
	public String upgradedFrom() {
		return upgradedFrom;
	}

	/** The release an upgrade goes to (the image's tag), else {@code null}. */
	public String upgradedTo() {
		return upgradedTo;
	}

	/** Who started it: the signed-in user, or empty when no login is needed. */
	public String actor() {
		return actor;
	}

	public State state() {
		return state;
	}

	public boolean isRunning() {
		return state == State.RUNNING;
	}

	/** What a run does to the cluster. */
	public enum Action {

		/** Applies a spec where no other Portworx release runs. */
		APPLY,
		/** Applies a spec of a newer release over a running one. */
		UPGRADE,
		/** Removes Portworx and keeps its data on the disks. */
		UNINSTALL,
		/** Removes Portworx and erases its data from every node's disks. */
		UNINSTALL_AND_WIPE,
		/** Proves that a StorageClass gives volumes that hold data, and cleans up. */
		VERIFY

	}

	/** Where an apply is. */
	public enum State {

		RUNNING, SUCCEEDED, FAILED

	}

}
