package io.pxwizard.status;

import java.util.List;

import io.pxwizard.status.BoardRenderer.RowPatch;
import io.pxwizard.status.BoardView.Count;
import io.pxwizard.status.BoardView.PodRow;
import io.pxwizard.status.FoldedRows.Change;
import io.pxwizard.status.FoldedRows.Layout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table's rows between renders: where a changed row goes, and what is sent for it.
 */
class FoldedRowsTests {

	private final FoldedRows<PodRow> rows = new FoldedRows<>(PodRow::isReady, PodRow::status);

	@Test
	void aSmallTableListsEveryRowByNameAndReplacesAChangedRowInPlace() {
		rows.put("px-b", running("px-b", 0));
		Change<PodRow> first = rows.put("px-a", creating("px-a"));
		assertThat(first.moved()).isTrue();
		assertThat(first.predecessor()).isNull();
		assertThat(RowPatch.of(first, "pod-", "group-portworx", true).after()).isEqualTo("#group-portworx-rows");

		Change<PodRow> c = rows.put("px-c", creating("px-c"));
		// Flat: the order is by name whatever the state, as kubectl lists pods.
		assertThat(c.predecessor()).isEqualTo("px-b");
		assertThat(RowPatch.of(c, "pod-", "group-portworx", true).after()).isEqualTo("#pod-px-b");

		Change<PodRow> ready = rows.put("px-a", running("px-a", 0));
		assertThat(ready.moved()).isFalse();
		RowPatch replace = RowPatch.of(ready, "pod-", "group-portworx", true);
		assertThat(replace.after()).isNull();
		assertThat(replace.deletes()).isFalse();
		assertThat(replace.id()).isEqualTo("pod-px-a");
		assertThat(rows.layout()).isEqualTo(Layout.FLAT);
		assertThat(rows.readyCount()).isEqualTo(2);
		assertThat(rows.counts()).containsExactly(new Count("Running", 2), new Count("ContainerCreating", 1));
	}

	@Test
	void onlyAgeHavingMovedSendsNothing() {
		rows.put("px-a", running("px-a", 0));
		PodRow older = new PodRow("px-a", "1/1", "Running", 0, "5m", "2026-12-02T12:00:00Z", true, null, List.of(),
				"node-1");
		assertThat(RowPatch.of(rows.put("px-a", older), "pod-", "group-portworx", true)).isNull();
		assertThat(RowPatch.of(rows.put("px-a", running("px-a", 1)), "pod-", "group-portworx", true)).isNotNull();
	}

	@Test
	void aTableFoldsAboveTwentyRowsAndThenARowMovesBetweenItsSections() {
		for (int i = 0; i < 20; i++) {
			assertThat(rows.put(name(i), running(name(i), 0)).relaid()).as("row %d", i).isEqualTo(i == 0);
		}
		Change<PodRow> fold = rows.put(name(20), creating(name(20)));
		assertThat(fold.relaid()).isTrue();
		assertThat(rows.layout()).isEqualTo(Layout.FOLDED);

		// A ready pod that stops being ready moves to the top table, after the not ready
		// pod before it by name.
		Change<PodRow> stops = rows.put(name(3), creating(name(3)));
		assertThat(stops.relaid()).isFalse();
		assertThat(stops.moved()).isTrue();
		assertThat(stops.predecessor()).isNull();
		RowPatch patch = RowPatch.of(stops, "pod-", "group-portworx", true);
		assertThat(patch.deletes()).isTrue();
		assertThat(patch.after()).isEqualTo("#group-portworx-not-ready");

		Change<PodRow> back = rows.put(name(3), running(name(3), 0));
		assertThat(back.ready()).isTrue();
		assertThat(RowPatch.of(back, "pod-", "group-portworx", true).after()).isEqualTo("#pod-" + name(2));

		Change<PodRow> first = rows.put(name(0), creating(name(0)));
		rows.put(name(0), running(name(0), 0));
		assertThat(first.predecessor()).isNull();
		Change<PodRow> gone = rows.put(name(5), null);
		assertThat(RowPatch.of(gone, "pod-", "group-portworx", true).deletes()).isTrue();
		assertThat(rows.layout()).isEqualTo(Layout.FLAT);
		assertThat(gone.relaid()).isTrue();
		assertThat(RowPatch.of(rows.put("px-unknown", null), "pod-", "group-portworx", true)).isNull();
	}

	@Test
	void anIdIsWrittenAsACssSelectorThatMeansIt() {
		assertThat(RowPatch.cssId("pod-px-1.a_b")).isEqualTo("#pod-px-1\\.a_b");
	}

	private static String name(int i) {
		return "px-%02d".formatted(i);
	}

	private static PodRow running(String name, int restarts) {
		return new PodRow(name, "1/1", "Running", restarts, "5s", "2026-12-02T12:00:00Z", true, null, List.of(),
				"node-1");
	}

	private static PodRow creating(String name) {
		return new PodRow(name, "0/1", "ContainerCreating", 0, "5s", "2026-12-02T12:00:00Z", false, null, List.of(),
				"node-1");
	}

}
