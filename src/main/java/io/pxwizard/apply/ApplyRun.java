package io.pxwizard.apply;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pxwizard.cluster.ClusterInfo;

/**
 * One apply of a spec to a cluster, as it goes: the lines so far and how it ended.
 * Written by the applying thread, read by the pages, so every field is safe to read at
 * any time.
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

	private final Instant started = Instant.now();

	private final List<ApplyLine> lines = new CopyOnWriteArrayList<>();

	private volatile State state = State.RUNNING;

	private volatile Instant finished;

	ApplyRun(String id, String version, Map<String, String> parameters, String query, String specUrl, String namespace,
			boolean dryRun, boolean local, ClusterInfo cluster) {
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
	void add(ApplyLine line) {
		int last = lines.size() - 1;
		if (last >= 0 && lines.get(last).status() == ApplyLine.Status.WAITING
				&& lines.get(last).object().equals(line.object())) {
			lines.set(last, line);
		}
		else {
			lines.add(line);
		}
	}

	void finish(State end) {
		finished = Instant.now();
		state = end;
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

	public State state() {
		return state;
	}

	public boolean isRunning() {
		return state == State.RUNNING;
	}

	/** Where an apply is. */
	public enum State {

		RUNNING, SUCCEEDED, FAILED

	}

}
