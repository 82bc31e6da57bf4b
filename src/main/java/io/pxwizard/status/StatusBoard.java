package io.pxwizard.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

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

import io.pxwizard.status.BoardView.Connection;
import io.pxwizard.status.BoardView.Group;
import io.pxwizard.status.BoardView.Named;
import io.pxwizard.status.BoardView.PodRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace's live install status, fed by one informer per kind (pods, events, and
 * once their type exists StorageClusters and StorageNodes) and pushed to every listener.
 * Informer handlers only mark the board changed; a single board thread re-renders from
 * the caches and hands each listener the fragments that changed.
 */
public final class StatusBoard implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StatusBoard.class);

	/**
	 * How often the groups whose pods show events ("(3m ago)") are re-rendered; AGE is
	 * aged by the browser.
	 */
	private static final int REFRESH_TICKS = 5;

	private static final int EVENTS_PER_POD = 3;

	private final String namespace;

	private final KubernetesClient client;

	private final BoardRenderer renderer;

	private final ScheduledExecutorService board;

	private final Set<BoardListener> listeners = ConcurrentHashMap.newKeySet();

	private final Map<String, String> lastSent = new ConcurrentHashMap<>();

	private final AtomicBoolean renderPending = new AtomicBoolean();

	/**
	 * The groups whose pods (or their events) changed since the last render; only they
	 * are re-rendered.
	 */
	private final Set<Component> dirty = ConcurrentHashMap.newKeySet();

	private final CountDownLatch firstList = new CountDownLatch(1);

	private final SharedIndexInformer<Pod> pods;

	private final SharedIndexInformer<Event> events;

	private volatile SharedIndexInformer<GenericKubernetesResource> storageClusters;

	private volatile SharedIndexInformer<GenericKubernetesResource> storageNodes;

	private volatile BoardView view;

	private volatile boolean closed;

	private volatile Instant lastListenerLeft = Instant.now();

	private long ticks;

	private String lastTickFailure;

	/** Each component's pod label, from the catalogue. */
	private final Map<Component, StatusComponent> selectors;

	StatusBoard(String namespace, KubernetesClient client, BoardRenderer renderer, List<StatusComponent> components) {
		this.namespace = namespace;
		this.selectors = new java.util.EnumMap<>(Component.class);
		for (StatusComponent component : components) {
			for (Component group : Component.values()) {
				if (group.id().equals(component.id())) {
					this.selectors.put(group, component);
				}
			}
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
		this.view = emptyView(Connection.CONNECTING);
	}

	StatusBoard start() {
		pods.addEventHandler(onChange(this::componentOfPod));
		events.addEventHandler(onChange(this::componentOfEvent));
		// Keep retrying a failed list or watch: the page shows "reconnecting" meanwhile.
		pods.exceptionHandler((started, error) -> true);
		events.exceptionHandler((started, error) -> true);
		pods.start().whenComplete((done, error) -> {
			firstList.countDown();
			changed(EnumSet.allOf(Component.class));
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
	 * The current state; a new viewer's page is rendered from it, never from a list of
	 * its own.
	 */
	public BoardView view() {
		return view;
	}

	/**
	 * Waits (briefly) for the first list, so a new viewer sees pods rather than
	 * "connecting".
	 */
	public BoardView awaitView(Duration timeout) {
		try {
			if (firstList.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return board.submit(this::render).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			logger.debug("Status board not ready: {}", ex.getMessage());
		}
		return view;
	}

	/** Adds a listener and hands it the whole board at once. */
	public void subscribe(BoardListener listener) {
		listeners.add(listener);
		board.execute(() -> renderer.fragments(view)
			.forEach((event, html) -> listener.offer(new BoardFragment(event, html))));
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
		return renderer.fragments(view);
	}

	int listenerCount() {
		return listeners.size();
	}

	Instant lastListenerLeft() {
		return lastListenerLeft;
	}

	/**
	 * A handler that marks the group its object belongs to ({@code null}: the summary
	 * only) and asks for a render.
	 */
	private <T extends HasMetadata> ResourceEventHandler<T> onChange(Function<T, Component> group) {
		return new ResourceEventHandler<>() {
			@Override
			public void onAdd(T object) {
				changed(group.apply(object));
			}

			@Override
			public void onUpdate(T before, T after) {
				changed(group.apply(before));
				changed(group.apply(after));
			}

			@Override
			public void onDelete(T object, boolean finalStateUnknown) {
				changed(group.apply(object));
			}
		};
	}

	private Component componentOfPod(Pod pod) {
		return componentOf(pod.getMetadata().getLabels());
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

	private Component componentOfEvent(Event event) {
		if (event.getInvolvedObject() == null || !"Pod".equals(event.getInvolvedObject().getKind())) {
			return null;
		}
		Pod pod = pods.getStore().getByKey(namespace + "/" + event.getInvolvedObject().getName());
		return (pod != null) ? componentOfPod(pod) : null;
	}

	private void changed(Component group) {
		if (group != null) {
			dirty.add(group);
		}
		changed();
	}

	private void changed(Set<Component> groups) {
		dirty.addAll(groups);
		changed();
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
				SharedIndexInformer<GenericKubernetesResource> nodes = informer(PortworxResources.STORAGE_NODES);
				storageNodes = nodes;
				storageClusters = informer(PortworxResources.STORAGE_CLUSTERS);
				if (closed) {
					// close() gave up waiting for this tick and found no informers:
					// closed here instead.
					storageClusters.close();
					nodes.close();
					return;
				}
			}
			Connection connection = connection();
			if (connection != view.connection()) {
				dirty.addAll(EnumSet.allOf(Component.class));
				renderAndSend();
			}
			else if (ticks % REFRESH_TICKS == 0) {
				// The browser ages the rows itself (data-created): only the event lines
				// of
				// pods that are not ready say "(3m ago)" in words of the server.
				Set<Component> aging = groupsWithEvents();
				if (!aging.isEmpty()) {
					dirty.addAll(aging);
					renderAndSend();
				}
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

	private Set<Component> groupsWithEvents() {
		Set<Component> groups = EnumSet.noneOf(Component.class);
		for (BoardView.Group group : view.groups()) {
			if (group.rows().stream().anyMatch((row) -> !row.events().isEmpty())) {
				groups.add(group.component());
			}
		}
		return groups;
	}

	private boolean storageClusterTypeExists() {
		return client.apiextensions()
			.v1()
			.customResourceDefinitions()
			.withName(PortworxApi.STORAGE_CLUSTER_CRD)
			.get() != null;
	}

	private SharedIndexInformer<GenericKubernetesResource> informer(ResourceDefinitionContext type) {
		SharedIndexInformer<GenericKubernetesResource> informer = client.genericKubernetesResources(type)
			.inNamespace(namespace)
			.runnableInformer(0);
		informer.addEventHandler(onChange((resource) -> null));
		informer.exceptionHandler((started, error) -> true);
		informer.start();
		return informer;
	}

	private Connection connection() {
		if (firstList.getCount() > 0) {
			return Connection.CONNECTING;
		}
		return pods.isWatching() ? Connection.LIVE : Connection.RECONNECTING;
	}

	private void renderAndSend() {
		renderPending.set(false);
		Set<Component> groups = EnumSet.noneOf(Component.class);
		for (Component component : Component.values()) {
			if (dirty.remove(component)) {
				groups.add(component);
			}
		}
		Connection before = view.connection();
		render();
		Map<String, String> fragments = renderer.fragments(view, groups, view.connection() != before);
		fragments.forEach((event, html) -> {
			if (!html.equals(lastSent.put(event, html))) {
				BoardFragment fragment = new BoardFragment(event, html);
				listeners.forEach((listener) -> listener.offer(fragment));
			}
		});
	}

	private BoardView render() {
		Instant now = Instant.now();
		Map<String, List<String>> eventsByPod = eventsByPod(now);
		Map<Component, List<PodRow>> rows = new EnumMap<>(Component.class);
		for (Component component : Component.values()) {
			rows.put(component, new ArrayList<>());
		}
		for (Pod pod : pods.getStore().list()) {
			Component component = componentOf(pod.getMetadata().getLabels());
			if (component == null) {
				continue;
			}
			boolean ready = KubectlFormat.isReady(pod);
			String name = pod.getMetadata().getName();
			rows.get(component)
				.add(new PodRow(name, KubectlFormat.ready(pod), KubectlFormat.status(pod), KubectlFormat.restarts(pod),
						KubectlFormat.age(pod.getMetadata().getCreationTimestamp(), now),
						pod.getMetadata().getCreationTimestamp(), ready, ready ? null : KubectlFormat.why(pod),
						ready ? List.of() : eventsByPod.getOrDefault(name, List.of())));
		}
		List<Group> groups = new ArrayList<>();
		rows.forEach((component, list) -> {
			list.sort(Comparator.comparing(PodRow::name));
			groups.add(new Group(component, selector(component), List.copyOf(list)));
		});
		view = new BoardView(namespace, groups, storageCluster(), storageNodeList(), connection());
		return view;
	}

	private Map<String, List<String>> eventsByPod(Instant now) {
		Map<String, List<Event>> byPod = new java.util.HashMap<>();
		for (Event event : events.getStore().list()) {
			if (event.getInvolvedObject() != null && "Pod".equals(event.getInvolvedObject().getKind())) {
				byPod.computeIfAbsent(event.getInvolvedObject().getName(), (k) -> new ArrayList<>()).add(event);
			}
		}
		Map<String, List<String>> lines = new java.util.HashMap<>();
		byPod.forEach((pod, list) -> {
			list.sort(Comparator.comparing(StatusBoard::eventTime).reversed());
			lines.put(pod,
					list.stream()
						.limit(EVENTS_PER_POD)
						.map((e) -> e.getType() + " " + e.getReason() + " ("
								+ KubectlFormat.age(Duration.between(eventTime(e), now)) + " ago): " + e.getMessage())
						.toList());
		});
		return lines;
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

	private List<Named> storageNodeList() {
		SharedIndexInformer<GenericKubernetesResource> informer = storageNodes;
		if (informer == null) {
			return List.of();
		}
		return informer.getStore()
			.list()
			.stream()
			.map(StatusBoard::named)
			.sorted(Comparator.comparing(Named::name))
			.toList();
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

	private BoardView emptyView(Connection connection) {
		List<Group> groups = new ArrayList<>();
		for (Component component : Component.values()) {
			groups.add(new Group(component, selector(component), List.of()));
		}
		return new BoardView(namespace, groups, null, List.of(), connection);
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
