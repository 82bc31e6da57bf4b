package io.pxwizard.web;

import io.pxwizard.catalog.PortworxCatalog;
import io.pxwizard.catalog.PortworxRelease;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page; for curl, a short help of the URL language. */
@Controller
class HomeController {

	static final String VIEW = "home";

	private final PortworxCatalog catalog;

	HomeController(PortworxCatalog catalog) {
		this.catalog = catalog;
	}

	@GetMapping("/")
	Object home(HttpServletRequest request, Model model) {
		if (!ClientKind.wantsHtml(request)) {
			return ResponseEntity.ok()
				.contentType(MediaType.TEXT_PLAIN)
				.body(CommandLineHelp.text(catalog, baseUrl(request)));
		}
		model.addAttribute("releases", catalog.releases().stream().map(PortworxRelease::version).toList());
		return VIEW;
	}

	private static String baseUrl(HttpServletRequest request) {
		return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
	}

}
