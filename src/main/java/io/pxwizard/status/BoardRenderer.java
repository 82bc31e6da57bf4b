package io.pxwizard.status;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the status page's live pieces with the same Thymeleaf fragments the page itself
 * uses, once per change, for every listener alike.
 */
@org.springframework.stereotype.Component
public class BoardRenderer {

	static final String TEMPLATE = "status/board";

	public static final String SUMMARY = "summary";

	public static final String CONNECTION = "connection";

	/**
	 * The last fragment of a stream whose board closed because the cluster connection
	 * changed.
	 */
	public static final String CLUSTER = "cluster";

	private final ITemplateEngine templates;

	public BoardRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** Every live piece of the page, by SSE event name. */
	public Map<String, String> fragments(BoardView view) {
		return fragments(view, EnumSet.allOf(Component.class));
	}

	/**
	 * The connection, the summary and the given components' groups, by SSE event name.
	 */
	public Map<String, String> fragments(BoardView view, Set<Component> groups) {
		return fragments(view, groups, true);
	}

	/**
	 * As {@link #fragments(BoardView, Set)}, leaving out the connection badge when it
	 * cannot have changed.
	 */
	public Map<String, String> fragments(BoardView view, Set<Component> groups, boolean connection) {
		Map<String, String> fragments = new LinkedHashMap<>();
		if (connection) {
			fragments.put(CONNECTION, render("connection", view, null));
		}
		fragments.put(SUMMARY, render("summary", view, null));
		for (BoardView.Group group : view.groups()) {
			if (groups.contains(group.component())) {
				fragments.put(group.component().eventName(), render("group", view, group));
			}
		}
		return fragments;
	}

	/** What a viewer is told when the cluster connection changes under the page. */
	public String clusterChanged(ClusterChanged change) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("change", change);
		return templates.process(TEMPLATE, Set.of("clusterChanged"), context).strip();
	}

	private String render(String fragment, BoardView view, BoardView.Group group) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("view", view);
		context.setVariable("group", group);
		return templates.process(TEMPLATE, Set.of(fragment), context).strip();
	}

}
