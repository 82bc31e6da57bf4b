package io.pxwizard.status;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pxwizard.catalog.PortworxApi;
import io.pxwizard.catalog.StatusComponent;
import io.pxwizard.cluster.PortworxResources;
import io.pxwizard.status.BoardListener.BoardFragment;
import io.pxwizard.status.BoardRenderer.RowPatch;
import io.pxwizard.status.BoardView.Connection;
import io.pxwizard.status.BoardView.GroupHead;
import io.pxwizard.status.BoardView.Group;
import io.pxwizard.status.BoardView.Named;
import io.pxwizard.status.BoardView.PodRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace's live install status, fed by one informer per kind (pods, events, and
 * once their type exists StorageClusters and StorageNodes) and pushed to every listener.
 * Informer handlers only note which pod or node changed; a single board thread brings
 * those rows up to date in {@link FoldedRows} tables and hands each listener what
 * changed: the rows and their counters, never a whole table, so a change costs the same
 * on a 3-node cluster as on a 1,000-node one. A new listener gets the whole board at
 * once.
 */
public final class StatusBoard implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StatusBoard.class);

	/**
	 * How often the rows whose events say "(3m ago)" are re-rendered; AGE is aged by the
	 * browser.
	 */
	private static final int REFRESH_TICKS = 5;

	private static final int EVENTS_PER_POD = 3;

	/** The events informer's index of events by the pod they are about. */
	private static final String EVENTS_BY_POD = "pod";

	private final String namespace;

	private final KubernetesClient client;

	private final BoardRenderer renderer;

	private final ScheduledExecutorService board;

	private final Set<BoardListener> listeners = ConcurrentHashMap.newKeySet();

	private final AtomicBoolean renderPending = new AtomicBoolean();

	/** Pods whose object or events changed since the last render. */
	private final Set<String> dirtyPods = ConcurrentHashMap.newKeySet();

	/** StorageNodes that changed since the last render. */
	private final Set<String> dirtyNodes = ConcurrentHashMap.newKeySet();

	private final CountDownLatch firstList = new CountDownLatch(1);

	private final SharedIndexInformer<Pod> pods;

	private final SharedIndexInformer<Event> events;

	private volatile SharedIndexInformer<GenericKubernetesResource> storageClusters;

	private volatile SharedIndexInformer<GenericKubernetesResource> storageNodes;

	// The rows as last rendered: the board thread's alone.

	private final Map<Component, FoldedRows<PodRow>> groups = new EnumMap<>(Component.class);

	private final Map<String, Component> groupOfPod = new HashMap<>();

	private final FoldedRows<Named> nodes = new FoldedRows<>(Named::isOnline, Named::phase);

	private final Map<String, Integer> nodeVersions = new HashMap<>();

	private final Set<String> podsWithEvents = new HashSet<>();

	private String lastSummary = "";

	private Connection connection = Connection.CONNECTING;

	/**
	 * The last whole view built, for callers off the board thread once it has stopped.
	 */
	private volatile BoardView view;

	private volatile boolean closed;

	/**
	 * What this board has sent, as a token unique to the board: a page rendered at one
	 * revision needs nothing more from a stream opened while the board is still at it.
	 */
	private final String boardId = Long.toHexString(new SecureRandom().nextLong());

	private long sentCount;

	private volatile Instant lastListenerLeft = Instant.now();

	private long ticks;

	private String lastTickFailure;

	/** Each component's pod label, from the catalogue. */
	private final Map<Component, StatusComponent> selectors;

	StatusBoard(String namespace, KubernetesClient client, BoardRenderer renderer, List<StatusComponent> components) {
		this.namespace = namespace;
		this.selectors = new EnumMap<>(Component.class);
		for (StatusComponent component : components) {
			for (Component group : Component.values()) {
				if (group.id().equals(component.id())) {
					this.selectors.put(group, component);
				}
			}
		}
		for (Component component : Component.values()) {
			this.groups.put(component, new FoldedRows<>(PodRow::isReady, PodRow::status));
		}
		this.client = client;
		this.renderer = renderer;
		this.board = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "status-board-" + namespace);
			thread.setDaemon(true);
			return thread;
		});
		this.pods = client.pods().inNamespace(namespace).runnableInformer(0);
		this.events = client.v1().events().inNamespace(namespace).runnableInformer(0);
		this.events.addIndexers(Map.of(EVENTS_BY_POD, StatusBoard::podOfEvent));
		this.view = buildView();
	}

	StatusBoard start() {
		pods.addEventHandler(onChange((pod) -> dirtyPods.add(pod.getMetadata().getName())));
		events.addEventHandler(onChange((event) -> podOfEvent(event).forEach(dirtyPods::add)));
		// Keep retrying a failed list or watch: the page shows "reconnecting" meanwhile.
		pods.exceptionHandler((started, error) -> true);
		events.exceptionHandler((started, error) -> true);
		pods.start().whenComplete((done, error) -> {
			firstList.countDown();
			changed();
		});
		events.start();
		board.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
		return this;
	}

	public String namespace() {
		return namespace;
	}

	KubernetesClient client() {
		return client;
	}

	/**
	 * The current state, built from the board's rows on its thread; a new viewer's page
	 * is rendered from it, never from a list of its own.
	 */
	public BoardView view() {
		return onBoard(this::buildView, Duration.ofSeconds(10));
	}

	/**
	 * Waits (briefly) for the first list, so a new viewer sees pods rather than
	 * "connecting". The view a page is rendered from and the board's revision at that
	 * moment, read together on the board's thread; the revision is {@code null} when the
	 * board did not answer in time (the stream then starts with the whole board).
	 */
	public PageView awaitPage(Duration timeout) {
		try {
			if (firstList.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !closed) {
				return board.submit(() -> {
					renderAndSend();
					return new PageView(buildView(), revision());
				}).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug("Status board not ready: {}", ex.getMessage());
		}
		return new PageView(view, null);
	}

	/**
	 * A page's view and the board's revision it shows.
	 *
	 * @param view what the page shows
	 * @param revision the board's revision then, or {@code null} when unknown
	 */
	public record PageView(BoardView view, String revision) {
	}

	/** Read on the board's thread only. */
	private String revision() {
		return boardId + "-" + sentCount;
	}

	private BoardView onBoard(Callable<BoardView> task, Duration timeout) {
		if (!closed) {
			try {
				return board.submit(task).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (Exception ex) {
				logger.debug("Status board not ready: {}", ex.getMessage());
			}
		}
		return view;
	}

	/**
	 * Adds a listener and hands it the whole board at once, on the board's thread: every
	 * change after that reaches it as rows.
	 */
	public void subscribe(BoardListener listener) {
		subscribe(listener, null);
	}

	/**
	 * Adds a listener that already shows the board at a revision (the page it was
	 * rendered with, or a stream that reconnects): the whole board is handed to it only
	 * if something was sent since, so a new viewer does not download the board twice.
	 */
	public void subscribe(BoardListener listener, String shownRevision) {
		board.execute(() -> {
			listeners.add(listener);
			if (!revision().equals(shownRevision)) {
				sendWhole(listener);
			}
		});
	}

	/**
	 * Sends a listener that fell behind the whole board again, after what it has been
	 * sent.
	 */
	public void resync(BoardListener listener) {
		board.execute(() -> {
			if (listeners.contains(listener)) {
				sendWhole(listener);
			}
		});
	}

	private void sendWhole(BoardListener listener) {
		renderer.fragments(buildView()).forEach((event, html) -> listener.offer(new BoardFragment(event, html)));
	}

	/** Runs one tick on the board's thread and waits for it: time passing, for tests. */
	void tickNow() throws Exception {
		board.submit(this::tick).get(10, TimeUnit.SECONDS);
	}

	public void unsubscribe(BoardListener listener) {
		if (listeners.remove(listener) && listeners.isEmpty()) {
			lastListenerLeft = Instant.now();
		}
	}

	/** Every piece of the board as it is now. */
	public Map<String, String> snapshot() {
		return renderer.fragments(view());
	}

	/** Every informer, StorageClusters and StorageNodes included, is watching. */
	boolean watchesEveryKind() {
		SharedIndexInformer<GenericKubernetesResource> clusters = storageClusters;
		SharedIndexInformer<GenericKubernetesResource> nodeInformer = storageNodes;
		return pods.isWatching() && events.isWatching() && clusters != null && clusters.isWatching()
				&& nodeInformer != null && nodeInformer.isWatching();
	}

	int listenerCount() {
		return listeners.size();
	}

	Instant lastListenerLeft() {
		return lastListenerLeft;
	}

	/** A handler that notes what changed and asks for a render. */
	private <T extends HasMetadata> ResourceEventHandler<T> onChange(Consumer<T> note) {
		return new ResourceEventHandler<>() {
			@Override
			public void onAdd(T object) {
				note.accept(object);
				changed();
			}

			@Override
			public void onUpdate(T before, T after) {
				note.accept(after);
				changed();
			}

			@Override
			public void onDelete(T object, boolean finalStateUnknown) {
				note.accept(object);
				changed();
			}
		};
	}

	private static List<String> podOfEvent(Event event) {
		return (event.getInvolvedObject() != null && "Pod".equals(event.getInvolvedObject().getKind())
				&& event.getInvolvedObject().getName() != null) ? List.of(event.getInvolvedObject().getName())
						: List.of();
	}

	/**
	 * The component a pod belongs to, or {@code null} for a pod that is not Portworx's.
	 */
	private Component componentOf(Map<String, String> labels) {
		if (labels == null) {
			return null;
		}
		for (Map.Entry<Component, StatusComponent> entry : selectors.entrySet()) {
			if (entry.getValue().labelValue().equals(labels.get(entry.getValue().labelKey()))) {
				return entry.getKey();
			}
		}
		return null;
	}

	private String selector(Component component) {
		StatusComponent selector = selectors.get(component);
		return (selector != null) ? selector.label() : "";
	}

	/**
	 * Called from informer threads: never blocks. The first change renders at once;
	 * changes that arrive while a render is pending are folded into it, so a burst costs
	 * a few renders, not one each.
	 */
	private void changed() {
		if (renderPending.compareAndSet(false, true)) {
			board.execute(this::renderAndSend);
		}
	}

	private void tick() {
		if (closed) {
			return;
		}
		try {
			ticks++;
			if (storageClusters == null && pods.isWatching() && ticks % 2 == 1 && storageClusterTypeExists()) {
				// Both set before either is read: close() and the view never see one
				// without the other.
				SharedIndexInformer<GenericKubernetesResource> nodeInformer = informer(PortworxResources.STORAGE_NODES,
						(node) -> dirtyNodes.add(node.getMetadata().getName()));
				storageNodes = nodeInformer;
				// A StorageCluster is in the summary, which every render compares with
				// what
				// was sent.
				storageClusters = informer(PortworxResources.STORAGE_CLUSTERS, (cluster) -> {
				});
				if (closed) {
					// close() gave up waiting for this tick and found no informers:
					// closed here instead.
					storageClusters.close();
					nodeInformer.close();
					return;
				}
			}
			if (currentConnection() != connection) {
				renderAndSend();
			}
			else if (ticks % REFRESH_TICKS == 0 && !podsWithEvents.isEmpty()) {
				// The browser ages the rows itself (data-created): only the event lines
				// of pods that are not ready say "(3m ago)" in words of the server.
				dirtyPods.addAll(podsWithEvents);
				renderAndSend();
			}
		}
		catch (RuntimeException ex) {
			// The page shows the connection's state; the log says why, once per kind of
			// failure.
			String failure = ex.getClass().getName() + ": " + ex.getMessage();
			if (!failure.equals(lastTickFailure)) {
				lastTickFailure = failure;
				logger.warn("Status board for {} could not look at the cluster: {}", namespace, failure);
			}
		}
	}

	private boolean storageClusterTypeExists() {
		return client.apiextensions()
			.v1()
			.customResourceDefinitions()
			.withName(PortworxApi.STORAGE_CLUSTER_CRD)
			.get() != null;
	}

	private SharedIndexInformer<GenericKubernetesResource> informer(ResourceDefinitionContext type,
			Consumer<GenericKubernetesResource> note) {
		SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(type)
			.inNamespace(namespace)
			.runnableInformer(0);
		informer.addEventHandler(onChange(note));
		informer.exceptionHandler((started, error) -> true);
		informer.start();
		return informer;
	}

	private Connection currentConnection() {
		if (firstList.getCount() > 0) {
			return Connection.CONNECTING;
		}
		return pods.isWatching() ? Connection.LIVE : Connection.RECONNECTING;
	}

	/**
	 * Brings the changed rows up to date and sends each listener what changed: the rows
	 * and their groups' counters as one patch, a whole table only when it appears,
	 * empties or folds, and everything when the connection's state changes.
	 */
	private void renderAndSend() {
		renderPending.set(false);
		Map<Component, List<RowPatch>> podOps = new EnumMap<>(Component.class);
		List<RowPatch> ops = new ArrayList<>();
		Set<Component> touched = EnumSet.noneOf(Component.class);
		Set<Component> relaid = EnumSet.noneOf(Component.class);
		for (String name : drain(dirtyPods)) {
			Pod pod = pods.getStore().getByKey(namespace + "/" + name);
			Component now = (pod != null) ? componentOf(pod.getMetadata().getLabels()) : null;
			Component was = groupOfPod.get(name);
			if (was != null && was != now) {
				groupOfPod.remove(name);
				podsWithEvents.remove(name);
				note(was, groups.get(was).put(name, null), podOps, touched, relaid);
			}
			if (now != null) {
				PodRow row = row(pod, now);
				groupOfPod.put(name, now);
				if (row.events().isEmpty()) {
					podsWithEvents.remove(name);
				}
				else {
					podsWithEvents.add(name);
				}
				note(now, groups.get(now).put(name, row), podOps, touched, relaid);
			}
		}
		podOps.values().forEach(ops::addAll);
		boolean nodesChanged = false;
		boolean nodesRelaid = false;
		SharedIndexInformer<GenericKubernetesResource> nodeInformer = storageNodes;
		for (String name : drain(dirtyNodes)) {
			GenericKubernetesResource resource = (nodeInformer != null)
					? nodeInformer.getStore().getByKey(namespace + "/" + name) : null;
			FoldedRows.Change<Named> change = nodes.put(name, (resource != null) ? named(resource) : null);
			if (change.before() != null) {
				nodeVersions.merge(String.valueOf(change.before().version()), -1, Integer::sum);
			}
			if (change.after() != null) {
				nodeVersions.merge(String.valueOf(change.after().version()), 1, Integer::sum);
			}
			nodesChanged = true;
			nodesRelaid |= change.relaid();
			if (!change.relaid() && nodes.layout() == FoldedRows.Layout.FOLDED) {
				RowPatch patch = RowPatch.of(change, "node-", BoardRenderer.STORAGE_NODES, false);
				if (patch != null) {
					ops.add(patch);
				}
			}
		}
		Connection current = currentConnection();
		if (current != connection) {
			// Rare: every viewer is sent the whole board again.
			connection = current;
			BoardView whole = buildView();
			lastSummary = renderer.summary(whole.summary());
			renderer.fragments(whole).forEach((event, html) -> send(new BoardFragment(event, html)));
			return;
		}
		BoardView whole = (relaid.isEmpty() && !nodesRelaid) ? null : buildView();
		for (BoardView.Group group : (whole != null) ? whole.groups() : List.<BoardView.Group>of()) {
			if (relaid.contains(group.component())) {
				send(new BoardFragment(group.component().eventName(), renderer.group(group)));
			}
		}
		if (nodesRelaid) {
			send(new BoardFragment(BoardRenderer.STORAGE_NODES, renderer.storageNodes(whole)));
		}
		List<GroupHead> heads = new ArrayList<>();
		for (Component component : touched) {
			if (!relaid.contains(component) && groups.get(component).size() > 0) {
				heads.add(head(component));
			}
		}
		Integer online = (nodesChanged && !nodesRelaid && nodes.layout() == FoldedRows.Layout.FOLDED)
				? nodes.readyCount() : null;
		if (!ops.isEmpty() || !heads.isEmpty() || online != null) {
			send(new BoardFragment(BoardRenderer.PATCH, renderer.patch(ops, heads, online)));
		}
		String summary = renderer.summary(summary());
		if (!summary.equals(lastSummary)) {
			lastSummary = summary;
			send(new BoardFragment(BoardRenderer.SUMMARY, summary));
		}
	}

	/**
	 * Notes a row's change: as a patch, or, once its group is re-sent whole, not at all.
	 */
	private void note(Component component, FoldedRows.Change<PodRow> change, Map<Component, List<RowPatch>> ops,
			Set<Component> touched, Set<Component> relaid) {
		touched.add(component);
		if (change.relaid() || relaid.contains(component)) {
			relaid.add(component);
			ops.remove(component);
			return;
		}
		RowPatch patch = RowPatch.of(change, "pod-", "group-" + component.id(), true);
		if (patch != null) {
			ops.computeIfAbsent(component, (c) -> new ArrayList<>()).add(patch);
		}
	}

	private void send(BoardFragment fragment) {
		sentCount++;
		listeners.forEach((listener) -> listener.offer(fragment));
	}

	private static List<String> drain(Set<String> names) {
		List<String> drained = new ArrayList<>(names);
		drained.forEach(names::remove);
		return drained;
	}

	private PodRow row(Pod pod, Component component) {
		Instant now = Instant.now();
		boolean ready = KubectlFormat.isReady(pod);
		String name = pod.getMetadata().getName();
		return new PodRow(name, KubectlFormat.ready(pod), KubectlFormat.status(pod), KubectlFormat.restarts(pod),
				KubectlFormat.age(pod.getMetadata().getCreationTimestamp(), now),
				pod.getMetadata().getCreationTimestamp(), ready, ready ? null : KubectlFormat.why(pod),
				ready ? List.of() : eventLines(name, now),
				(pod.getSpec() != null) ? pod.getSpec().getNodeName() : null);
	}

	private GroupHead head(Component component) {
		FoldedRows<PodRow> rows = groups.get(component);
		return new GroupHead(component, selector(component), rows.readyCount(), rows.size(), rows.counts());
	}

	private BoardSummary summary() {
		int ready = 0;
		int total = 0;
		for (FoldedRows<PodRow> rows : groups.values()) {
			ready += rows.readyCount();
			total += rows.size();
		}
		List<Named> listed = (nodes.layout() == FoldedRows.Layout.FOLDED) ? List.of() : nodes.rows();
		return BoardSummary.of(storageCluster(), ready, total, listed, nodes.stateCounts(), nodeVersions);
	}

	/** The whole board from the rows as they are: O(pods), for a new viewer only. */
	private BoardView buildView() {
		List<Group> list = new ArrayList<>();
		groups.forEach((component, rows) -> list.add(new Group(component, selector(component), rows.rows())));
		BoardView built = new BoardView(namespace, list, storageCluster(), nodes.rows(), connection);
		view = built;
		return built;
	}

	private List<String> eventLines(String pod, Instant now) {
		List<Event> list = new ArrayList<>(events.getIndexer().byIndex(EVENTS_BY_POD, pod));
		list.sort(Comparator.comparing(StatusBoard::eventTime).reversed());
		return list.stream()
			.limit(EVENTS_PER_POD)
			.map((e) -> e.getType() + " " + e.getReason() + " ("
					+ KubectlFormat.age(Duration.between(eventTime(e), now)) + " ago): " + e.getMessage())
			.toList();
	}

	private static Instant eventTime(Event event) {
		String time = (event.getLastTimestamp() != null) ? event.getLastTimestamp() : (event.getEventTime() != null)
				? event.getEventTime().getTime() : event.getMetadata().getCreationTimestamp();
		return (time == null) ? Instant.EPOCH : Instant.parse(time);
	}

	private Named storageCluster() {
		SharedIndexInformer<GenericKubernetesResource> informer = storageClusters;
		if (informer == null) {
			return null;
		}
		return informer.getStore().list().stream().findFirst().map(StatusBoard::named).orElse(null);
	}

	private static Named named(GenericKubernetesResource resource) {
		Object status = resource.getAdditionalProperties().get("status");
		String phase = (status instanceof Map<?, ?> map && map.get("phase") != null) ? String.valueOf(map.get("phase"))
				: "Initializing";
		// kubectl get storagecluster/storagenode print these as VERSION (the operator's
		// CRD printer columns).
		String section = PortworxApi.STORAGE_CLUSTER.equals(resource.getKind()) ? "status" : "spec";
		Object version = (resource.getAdditionalProperties().get(section) instanceof Map<?, ?> map) ? map.get("version")
				: null;
		return new Named(resource.getMetadata().getName(), phase, (version != null) ? String.valueOf(version) : null);
	}

	@Override
	public void close() {
		close(null);
	}

	/**
	 * Stops the board: its thread first (so no tick runs while the informers close), then
	 * the informers; every stream gets the farewell, if any, and ends, and its browser
	 * reconnects to whatever board is current then.
	 */
	public void close(BoardFragment farewell) {
		if (closed) {
			return;
		}
		closed = true;
		board.shutdownNow();
		try {
			board.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		pods.close();
		events.close();
		SharedIndexInformer<GenericKubernetesResource> clusters = storageClusters;
		SharedIndexInformer<GenericKubernetesResource> nodes = storageNodes;
		if (clusters != null) {
			clusters.close();
		}
		if (nodes != null) {
			nodes.close();
		}
		for (BoardListener listener : listeners) {
			if (farewell != null) {
				listener.offer(farewell);
			}
			listener.end();
		}
	}

	boolean isClosed() {
		return closed;
	}

}
