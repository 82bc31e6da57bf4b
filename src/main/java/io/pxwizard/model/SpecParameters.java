package io.pxwizard.model;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The raw wizard state as it arrives in a URL or a form: install.portworx.com's query
 * parameters, exactly as typed. When a name repeats the last value wins, so a checkbox
 * can follow a hidden "false" of the same name and an unticked box still says so.
 */
public final class SpecParameters {

	/** Names a request carries that are never part of the wizard state. */
	private static final Set<String> NOT_STATE = Set.of("_csrf", "_go");

	private final Map<String, String> values;

	private SpecParameters(Map<String, String> values) {
		this.values = Collections.unmodifiableMap(values);
	}

	public static SpecParameters of(Map<String, String> values) {
		return new SpecParameters(new LinkedHashMap<>(values));
	}

	public static SpecParameters of(MultiValueMap<String, String> request) {
		Map<String, String> values = new LinkedHashMap<>();
		request.forEach((name, all) -> {
			if (!NOT_STATE.contains(name) && all != null && !all.isEmpty()) {
				String last = all.get(all.size() - 1);
				values.put(name, (last != null) ? last : "");
			}
		});
		return new SpecParameters(values);
	}

	/**
	 * Parses a percent-encoded query string ({@code a=1&b=2}), as a saved spec keeps it.
	 */
	public static SpecParameters fromQuery(String query) {
		MultiValueMap<String, String> encoded = UriComponentsBuilder.newInstance()
			.query(query)
			.build()
			.getQueryParams();
		Map<String, String> values = new LinkedHashMap<>();
		encoded.forEach((name, all) -> {
			String last = all.get(all.size() - 1);
			values.put(UriUtils.decode(name, StandardCharsets.UTF_8),
					(last == null) ? "" : UriUtils.decode(last, StandardCharsets.UTF_8));
		});
		return new SpecParameters(values);
	}

	/** The value as typed, or the empty string when absent. */
	public String get(String name) {
		return values.getOrDefault(name, "");
	}

	/** The value trimmed of surrounding white space, or the empty string when absent. */
	public String trimmed(String name) {
		return get(name).strip();
	}

	public boolean has(String name) {
		return values.containsKey(name);
	}

	public boolean isTrue(String name) {
		return "true".equals(get(name));
	}

	public Map<String, String> asMap() {
		return values;
	}

	/**
	 * A copy without the given names and with the given values added (replacing any of
	 * the same name).
	 */
	public SpecParameters replacing(Set<String> removed, Map<String, String> added) {
		Map<String, String> next = new LinkedHashMap<>(values);
		next.keySet().removeAll(removed);
		next.putAll(added);
		return new SpecParameters(next);
	}

	/**
	 * The entries whose names are not in the given set: what a page carries in hidden
	 * fields.
	 */
	public Map<String, String> except(Set<String> names) {
		Map<String, String> rest = new LinkedHashMap<>(values);
		rest.keySet().removeAll(names);
		return rest;
	}

	public List<String> names() {
		return List.copyOf(values.keySet());
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof SpecParameters that) && values.equals(that.values);
	}

	@Override
	public int hashCode() {
		return values.hashCode();
	}

	@Override
	public String toString() {
		return values.toString();
	}

}
