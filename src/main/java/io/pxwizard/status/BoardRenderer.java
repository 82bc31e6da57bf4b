package io.pxwizard.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.pxwizard.cluster.ClusterConnection.ClusterChanged;
import io.pxwizard.status.BoardView.GroupHead;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders the status page's live pieces with the same Thymeleaf fragments the page itself
 * uses, once per change, for every listener alike: the whole board for a new viewer, and
 * for each change only the rows it touched and their counters.
 */
@org.springframework.stereotype.Component
public class BoardRenderer {

	static final String TEMPLATE = "status/board";

	public static final String SUMMARY = "summary";

	public static final String CONNECTION = "connection";

	/** The StorageNodes' own table, shown once they are too many for the summary. */
	public static final String STORAGE_NODES = "storage-nodes";

	/**
	 * Rows replaced, inserted or deleted and counters replaced, as out-of-band swaps:
	 * what one change sends.
	 */
	public static final String PATCH = "patch";

	/**
	 * The last fragment of a stream whose board closed because the cluster connection
	 * changed.
	 */
	public static final String CLUSTER = "cluster";

	private static final Pattern BLANK_LINES = Pattern.compile("\\s*\n\\s*");

	private final ITemplateEngine templates;

	public BoardRenderer(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** Every live piece of the page, by SSE event name: what a new viewer is sent. */
	public Map<String, String> fragments(BoardView view) {
		Map<String, String> fragments = new LinkedHashMap<>();
		fragments.put(CONNECTION, connection(view));
		fragments.put(SUMMARY, summary(view.summary()));
		for (BoardView.Group group : view.groups()) {
			fragments.put(group.component().eventName(), group(group));
		}
		fragments.put(STORAGE_NODES, storageNodes(view));
		return fragments;
	}

	String connection(BoardView view) {
		return render("connection", "view", view);
	}

	String summary(BoardSummary summary) {
		return render("summaryPanel", "summary", summary);
	}

	/** A whole group, sent when it appears, empties, or folds or unfolds. */
	String group(BoardView.Group group) {
		return render("group", "group", group);
	}

	String storageNodes(BoardView view) {
		return render("storageNodes", "view", view);
	}

	/**
	 * One change's rows and counters as out-of-band swaps.
	 * @param ops the rows to replace, insert or delete, in order
	 * @param heads the counters of the groups they belong to
	 * @param onlineCount the StorageNodes Online when their table is shown, else
	 * {@code null}
	 */
	String patch(List<RowPatch> ops, List<GroupHead> heads, Integer onlineCount) {
		Context context = context();
		context.setVariable("ops", ops);
		context.setVariable("heads", heads);
		context.setVariable("onlineCount", onlineCount);
		return render("patch", context);
	}

	/** What a viewer is told when the cluster connection changes under the page. */
	public String clusterChanged(ClusterChanged change) {
		return render("clusterChanged", "change", change);
	}

	private static Context context() {
		return new Context(Locale.ENGLISH);
	}

	/** A fragment that shows one value. */
	private String render(String fragment, String name, Object value) {
		Context context = context();
		context.setVariable(name, value);
		return render(fragment, context);
	}

	private String render(String fragment, Context context) {
		// The template's indentation is not sent to every viewer on every change.
		return BLANK_LINES.matcher(templates.process(TEMPLATE, Set.of(fragment), context).strip()).replaceAll("\n");
	}

	/**
	 * One row's change on the page.
	 *
	 * @param id the row's element id ({@code pod-<name>}, {@code node-<name>})
	 * @param deletes the row is deleted first (it is gone, or moves)
	 * @param row the row to write, or {@code null}
	 * @param after the CSS selector of the element the row is inserted after, or
	 * {@code null} to replace the row where it is
	 * @param pod a pod row (else a StorageNode row)
	 */
	public record RowPatch(String id, boolean deletes, Object row, String after, boolean pod) {

		/**
		 * The patch for a row's change, or {@code null} when a viewer would see no
		 * difference.
		 * @param change what the change did to its table
		 * @param prefix the rows' id prefix
		 * @param section the table's id, whose sections' heads are
		 * {@code <section>-rows}, {@code -not-ready} and {@code -ready}
		 * @param pod pod rows (else StorageNode rows)
		 */
		static <R> RowPatch of(FoldedRows.Change<R> change, String prefix, String section, boolean pod) {
			String id = prefix + change.name();
			if (change.after() == null) {
				return (change.before() != null) ? new RowPatch(id, true, null, null, pod) : null;
			}
			if (change.moved()) {
				String head = !change.folded() ? "-rows" : change.ready() ? "-ready" : "-not-ready";
				String after = cssId((change.predecessor() != null) ? prefix + change.predecessor() : section + head);
				return new RowPatch(id, change.before() != null, change.after(), after, pod);
			}
			if (same(change.before(), change.after())) {
				return null;
			}
			return new RowPatch(id, false, change.after(), null, pod);
		}

		private static boolean same(Object before, Object after) {
			return (before instanceof BoardView.PodRow row) ? row.looksLike((BoardView.PodRow) after)
					: before.equals(after);
		}

		public boolean deletes() {
			return deletes;
		}

		/** {@code #id} with every character CSS would read otherwise escaped. */
		static String cssId(String id) {
			StringBuilder selector = new StringBuilder("#");
			for (char c : id.toCharArray()) {
				if (!Character.isLetterOrDigit(c) && c != '-' && c != '_') {
					selector.append('\\');
				}
				selector.append(c);
			}
			return selector.toString();
		}

	}

}
