package io.pxwizard.status;

import java.util.List;

import io.pxwizard.status.BoardView.Named;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The board's reading of a release rolling out node by node. */
class BoardViewTests {

	@Test
	void anUpgradeIsUnderWayWhileAStorageNodeRunsAnotherRelease() {
		BoardView rolling = view(new Named("px", "Online", "2.12.2"),
				List.of(new Named("node-1", "Online", "2.12.2.0-6ae3f1f"), new Named("node-2", "Online", "2.8.1.5"),
						new Named("node-3", "Online", "2.8.1.5-bf9d7e8")));
		assertThat(rolling.upgrading()).isTrue();
		assertThat(rolling.nodesAtClusterVersion()).isEqualTo(1);

		BoardView done = view(new Named("px", "Online", "2.12.2"),
				List.of(new Named("node-1", "Online", "2.12.2.0-6ae3f1f"), new Named("node-2", "Online", "2.12.2")));
		assertThat(done.upgrading()).isFalse();

		BoardView unknown = view(new Named("px", "Online", null), List.of(new Named("node-1", "Online", "2.8.1.5")));
		assertThat(unknown.upgrading()).isFalse();
	}

	private static BoardView view(Named cluster, List<Named> nodes) {
		return new BoardView("kube-system", List.of(), cluster, nodes, BoardView.Connection.LIVE);
	}

}
