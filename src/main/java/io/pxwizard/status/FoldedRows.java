package io.pxwizard.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import io.pxwizard.status.BoardView.Count;

/**
 * One table of the board (a component's pods, or the StorageNodes) between renders: its
 * rows by name, split into ready and not ready, with running counts, so that a change
 * costs a lookup in it and never a pass over it. Used on the board's thread only.
 *
 * @param <R> the row
 */
final class FoldedRows<R> {

	/** How a table is laid out: a layout change re-sends the whole table. */
	enum Layout {

		/** No rows: the table is not shown. */
		EMPTY,
		/** Every row by name, as {@code kubectl get} lists them. */
		FLAT,
		/** Counts by state, the rows that are not ready, the ready ones folded. */
		FOLDED

	}

	/**
	 * What one row's change did to the table.
	 *
	 * @param name the row's name
	 * @param before the row as it was, or {@code null} when it is new
	 * @param after the row as it is, or {@code null} when it is gone
	 * @param relaid the table's layout changed: the whole table is re-sent
	 * @param moved the row is new or changed section: it is (re-)inserted
	 * @param predecessor the row it now follows in its section, or {@code null} when it
	 * comes first
	 * @param folded the table is folded: ready and not ready rows are in sections of
	 * their own
	 * @param ready the row is ready
	 */
	record Change<R>(String name, R before, R after, boolean relaid, boolean moved, String predecessor, boolean folded,
			boolean ready) {
	}

	private final TreeMap<String, R> ready = new TreeMap<>();

	private final TreeMap<String, R> notReady = new TreeMap<>();

	private final Map<String, Integer> states = new HashMap<>();

	private final Predicate<R> isReady;

	private final Function<R, String> state;

	FoldedRows(Predicate<R> isReady, Function<R, String> state) {
		this.isReady = isReady;
		this.state = state;
	}

	/** Puts a row in its place ({@code null}: takes it away) and says what changed. */
	Change<R> put(String name, R row) {
		Layout layoutBefore = layout();
		R before = ready.remove(name);
		boolean wasReady = before != null;
		if (before == null) {
			before = notReady.remove(name);
		}
		if (before != null) {
			states.merge(state.apply(before), -1, Integer::sum);
		}
		if (row == null) {
			return new Change<>(name, before, null, layout() != layoutBefore, false, null, false, false);
		}
		boolean nowReady = isReady.test(row);
		(nowReady ? ready : notReady).put(name, row);
		states.merge(state.apply(row), 1, Integer::sum);
		Layout layout = layout();
		boolean moved = before == null || (layout == Layout.FOLDED && wasReady != nowReady);
		return new Change<>(name, before, row, layout != layoutBefore, moved, predecessor(name, nowReady),
				layout == Layout.FOLDED, nowReady);
	}

	R get(String name) {
		R row = ready.get(name);
		return (row != null) ? row : notReady.get(name);
	}

	Layout layout() {
		int size = size();
		return (size == 0) ? Layout.EMPTY : (size > BoardView.FOLD_ABOVE) ? Layout.FOLDED : Layout.FLAT;
	}

	int size() {
		return ready.size() + notReady.size();
	}

	int readyCount() {
		return ready.size();
	}

	/** How many rows show each state, most first. */
	List<Count> counts() {
		return Count.of(states);
	}

	/** How many rows show each state. */
	Map<String, Integer> stateCounts() {
		return Map.copyOf(states);
	}

	/** Every row by name. */
	List<R> rows() {
		TreeMap<String, R> all = new TreeMap<>(ready);
		all.putAll(notReady);
		return new ArrayList<>(all.values());
	}

	/**
	 * The row a row follows on the page: in its section when folded, among all when flat.
	 */
	private String predecessor(String name, boolean isReadyRow) {
		if (layout() == Layout.FOLDED) {
			return (isReadyRow ? ready : notReady).lowerKey(name);
		}
		String a = ready.lowerKey(name);
		String b = notReady.lowerKey(name);
		if (a == null) {
			return b;
		}
		return (b == null || a.compareTo(b) > 0) ? a : b;
	}

}
