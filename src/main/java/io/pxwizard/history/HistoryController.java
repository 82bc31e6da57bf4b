package io.pxwizard.history;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Every recorded apply, newest first. */
@Controller
class HistoryController {

	static final String VIEW = "history/history";

	static final int SHOWN = 100;

	private final ApplyHistoryRepository history;

	HistoryController(ApplyHistoryRepository history) {
		this.history = history;
	}

	@GetMapping("/history")
	String history(Model model) {
		model.addAttribute("records", history.recent(SHOWN));
		return VIEW;
	}

}
