package io.pxwizard.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a list of durations in microseconds. */
final class Stats {

	private final List<Long> values = new ArrayList<>();

	synchronized void add(long micros) {
		values.add(micros);
	}

	synchronized double percentileMillis(double p) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
	}

	synchronized int count() {
		return values.size();
	}

}
