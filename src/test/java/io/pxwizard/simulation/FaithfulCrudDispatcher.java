package io.pxwizard.simulation;

import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;

/**
 * fabric8's CRUD mock made faithful where px-wizard relies on the real API server:
 * server-side apply (create when absent, merge when present, field manager recorded,
 * {@code dryRun=All} writes nothing), strategic merge as merge, custom resources
 * answering 404 until their CRD exists, SelfSubjectAccessReviews, and forbidden answers
 * on demand. Every request is recorded so tests can count watches and check the order of
 * writes.
 */
public class FaithfulCrudDispatcher extends KubernetesCrudDispatcher {

	private static final Set<String> BUILT_IN_GROUPS = Set.of("apps", "rbac.authorization.k8s.io",
			"apiextensions.k8s.io", "policy", "storage.k8s.io", "authorization.k8s.io", "batch", "networking.k8s.io",
			"coordination.k8s.io", "events.k8s.io", "discovery.k8s.io", "autoscaling", "scheduling.k8s.io",
			"node.k8s.io", "admissionregistration.k8s.io", "certificates.k8s.io");

	/** The Kubernetes version the simulated server reports. */
	public static final String KUBERNETES_VERSION = "v1.30.2+k3s1";

	private final KubernetesSerialization serialization = new KubernetesSerialization();

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Set<String> forbidden = ConcurrentHashMap.newKeySet();

	/**
	 * What each pod printed, by {@code namespace/name}: the API server's
	 * {@code pods/<name>/log}.
	 */
	private final Map<String, String> logs = new ConcurrentHashMap<>();

	/** Sets what a pod has printed so far. */
	public void log(String namespace, String pod, String text) {
		logs.put(namespace + "/" + pod, text);
	}

	/** Every request so far, as {@code METHOD path?query}. */
	public List<String> requests() {
		return requests;
	}

	/**
	 * From now on, writes to this resource (a plural such as {@code deployments}) are
	 * forbidden.
	 */
	public void forbid(String resource) {
		forbidden.add(resource);
	}

	@Override
	public MockResponse handleWatch(String path) {
		MockResponse response = super.handleWatch(path);
		WebSocketListener watch = response.getWebSocketListener();
		return (watch != null) ? response.withWebSocketUpgrade(new ClosedOffTheEventLoop(watch)) : response;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String method = request.getMethod();
		String path = request.getPath();
		requests.add(method + " " + path);
		String contentType = request.getHeader("Content-Type");
		String resourcePath = URI.create(path).getRawPath();
		if ("GET".equals(method) && "/version".equals(resourcePath)) {
			return new MockResponse().setResponseCode(200)
				.setBody(serialization.asJson(Map.of("major", "1", "minor", "30", "gitVersion", KUBERNETES_VERSION,
						"platform", "linux/amd64")));
		}
		if ("POST".equals(method) && resourcePath.endsWith("/selfsubjectaccessreviews")) {
			return accessReview(request);
		}
		if ("GET".equals(method) && resourcePath.matches("/api/v1/namespaces/[^/]+/pods/[^/]+/log")
				&& forbidden.contains("pods/log")) {
			return status(403, "Forbidden",
					"pods \"" + resourcePath.split("/")[6] + "\" is forbidden: cannot get resource \"pods/log\"");
		}
		if ("GET".equals(method) && resourcePath.matches("/api/v1/namespaces/[^/]+/pods/[^/]+/log")) {
			String[] parts = resourcePath.split("/");
			String text = logs.get(parts[4] + "/" + parts[6]);
			return (text != null) ? new MockResponse().setResponseCode(200).setBody(text)
					: status(400, "BadRequest", "container \"" + parts[6] + "\" in pod is waiting to start");
		}
		if (!"GET".equals(method) && isForbidden(resourcePath)) {
			return status(403, "Forbidden", "forbidden: User \"px-wizard-test\" cannot " + method.toLowerCase()
					+ " resource \"" + resourceOf(resourcePath) + "\"");
		}
		if (isUnknownCustomResource(resourcePath)) {
			return status(404, "NotFound", "the server could not find the requested resource");
		}
		if ("PATCH".equals(method) && contentType != null && contentType.startsWith("application/apply-patch")) {
			return serverSideApply(request, resourcePath, URI.create(path).getRawQuery());
		}
		if ("PATCH".equals(method) && contentType != null
				&& contentType.startsWith("application/strategic-merge-patch")) {
			return super.dispatch(
					copy(request, HttpMethod.PATCH, path, "application/merge-patch+json", request.getUtf8Body()));
		}
		return super.dispatch(request);
	}

	private MockResponse serverSideApply(RecordedRequest request, String resourcePath, String query) {
		boolean dryRun = query != null && query.contains("dryRun=All");
		String manager = parameter(query, "fieldManager");
		GenericKubernetesResource applied = serialization.unmarshal(request.getUtf8Body(),
				GenericKubernetesResource.class);
		applied.getMetadata()
			.setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager(manager)
				.withOperation("Apply")
				.withApiVersion(applied.getApiVersion())
				.build()));
		String body = serialization.asJson(applied);
		MockResponse existing = super.handleGet(resourcePath);
		if (existing.code() == HttpURLConnection.HTTP_NOT_FOUND) {
			if (dryRun) {
				return new MockResponse().setResponseCode(201).setBody(body);
			}
			String collection = resourcePath.substring(0, resourcePath.lastIndexOf('/'));
			return super.dispatch(copy(request, HttpMethod.POST, collection, "application/json", body));
		}
		// Lists are replaced, as an apply of a whole object does; the mock's own merge
		// would append to them.
		Map<String, Object> merged = merge(serialization.unmarshal(existing.getBody().readUtf8(), Map.class),
				serialization.unmarshal(body, Map.class));
		if (dryRun) {
			return new MockResponse().setResponseCode(200).setBody(serialization.asJson(merged));
		}
		return super.dispatch(
				copy(request, HttpMethod.PUT, resourcePath, "application/json", serialization.asJson(merged)));
	}

	/** JSON merge patch semantics: maps merge, anything else replaces. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> merge(Map<String, Object> target, Map<String, Object> patch) {
		Map<String, Object> result = new LinkedHashMap<>(target);
		patch.forEach((key, value) -> {
			if (value instanceof Map<?, ?> patchMap && result.get(key) instanceof Map<?, ?> targetMap) {
				result.put(key, merge((Map<String, Object>) targetMap, (Map<String, Object>) patchMap));
			}
			else {
				result.put(key, value);
			}
		});
		return result;
	}

	@SuppressWarnings("unchecked")
	private MockResponse accessReview(RecordedRequest request) {
		Map<String, Object> review = serialization.unmarshal(request.getUtf8Body(), Map.class);
		Map<String, Object> attributes = (Map<String, Object>) ((Map<String, Object>) review.get("spec"))
			.get("resourceAttributes");
		boolean allowed = !forbidden.contains(String.valueOf(attributes.get("resource")));
		review.put("status", Map.of("allowed", allowed));
		return new MockResponse().setResponseCode(201).setBody(serialization.asJson(review));
	}

	private boolean isForbidden(String resourcePath) {
		return !forbidden.isEmpty() && forbidden.contains(resourceOf(resourcePath));
	}

	/**
	 * A path under a custom group whose CRD is not stored: what a real server answers 404
	 * for.
	 */
	private boolean isUnknownCustomResource(String resourcePath) {
		String[] parts = resourcePath.split("/");
		// /apis/<group>/<version>/[namespaces/<ns>/]<plural>[/<name>]
		if (parts.length < 5 || !"apis".equals(parts[1]) || BUILT_IN_GROUPS.contains(parts[2])) {
			return false;
		}
		String plural = ("namespaces".equals(parts[4]) && parts.length > 6) ? parts[6] : parts[4];
		MockResponse crd = super.handleGet(
				"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + plural + "." + parts[2]);
		return crd.code() == HttpURLConnection.HTTP_NOT_FOUND;
	}

	private static String resourceOf(String resourcePath) {
		String[] parts = resourcePath.split("/");
		int start = "api".equals(parts[1]) ? 3 : 4;
		if (parts.length > start + 1 && "namespaces".equals(parts[start])) {
			start += 2;
		}
		return (parts.length > start) ? parts[start] : "";
	}

	private MockResponse status(int code, String reason, String message) {
		return new MockResponse().setResponseCode(code)
			.setBody(serialization.asJson(new StatusBuilder().withStatus("Failure")
				.withCode(code)
				.withReason(reason)
				.withMessage(message)
				.build()));
	}

	private static String parameter(String query, String name) {
		if (query != null) {
			for (String pair : query.split("&")) {
				if (pair.startsWith(name + "=")) {
					return pair.substring(name.length() + 1);
				}
			}
		}
		return "";
	}

	private static RecordedRequest copy(RecordedRequest request, HttpMethod method, String path, String contentType,
			String body) {
		Headers.Builder headers = Headers.builder();
		request.getHeaders().toMultimap().forEach((name, values) -> {
			if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
				values.forEach((value) -> headers.add(name, value));
			}
		});
		headers.add("Content-Type", contentType);
		return new RecordedRequest(request.getHttpVersion(), method, path, headers.build(),
				new Buffer(body.getBytes(StandardCharsets.UTF_8)));
	}

}
