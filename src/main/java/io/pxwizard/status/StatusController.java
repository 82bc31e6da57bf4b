package io.pxwizard.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.model.KubernetesNames;
import io.pxwizard.cluster.PortworxStorageClasses;
import io.pxwizard.cluster.RunningPortworx;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live status page, {@code kubectl -n kube-system get pods -w} made readable: the
 * page is rendered from the board's cache, then {@code /status/stream} pushes every
 * change.
 */
@Controller
class StatusController {

	static final String VIEW = "status/status";

	private static final Duration FIRST_LIST = Duration.ofSeconds(3);

	private final StatusBoards boards;

	private final PortworxCatalog catalog;

	StatusController(StatusBoards boards, PortworxCatalog catalog) {
		this.boards = boards;
		this.catalog = catalog;
	}

	@GetMapping("/status")
	String status(@RequestParam(required = false) String ns, Model model) {
		String namespace = namespace(ns);
		model.addAttribute("namespace", namespace);
		model.addAttribute("serverNow", Instant.now().toString());
		Optional<StatusBoard> board = boards.board(namespace);
		board.ifPresent((b) -> {
			StatusBoard.PageView page = b.awaitPage(FIRST_LIST);
			model.addAttribute("view", page.view());
			model.addAttribute("revision", page.revision());
			running(b).ifPresent((running) -> model.addAttribute("running", running));
			storageClasses(b).ifPresent((classes) -> model.addAttribute("storageClasses", classes));
		});
		return VIEW;
	}

	/**
	 * "Portworx 2.8.1.5, operator 1.5.2 on this cluster" under the heading; left out when
	 * it cannot be read.
	 */
	private static Optional<RunningPortworx> running(StatusBoard board) {
		try {
			return RunningPortworx.find(board.client());
		}
		catch (KubernetesClientException ex) {
			// The board itself says what is wrong with the connection.
			return Optional.empty();
		}
	}

	/**
	 * The Portworx StorageClasses and their claims; left out when they cannot be read.
	 */
	private static Optional<List<PortworxStorageClasses.Row>> storageClasses(StatusBoard board) {
		try {
			return Optional.of(PortworxStorageClasses.find(board.client()));
		}
		catch (KubernetesClientException ex) {
			return Optional.empty();
		}
	}

	@GetMapping(path = "/status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter stream(@RequestParam(required = false) String ns, @RequestParam(required = false) String since) {
		return boards.stream(namespace(ns), since)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No cluster is connected"));
	}

	private String namespace(String ns) {
		if (ns == null || ns.isBlank()) {
			return catalog.defaults().namespace();
		}
		if (!KubernetesNames.isDnsLabel(ns)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a namespace name");
		}
		return ns;
	}

}
