package io.pxwizard.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Validation problems by form field, each a message code of messages.properties with its
 * arguments. The first problem of a field is kept: one clear message per field.
 */
public final class FieldErrors {

	private final Map<String, Problem> problems = new LinkedHashMap<>();

	public void reject(String field, String code, Object... arguments) {
		problems.putIfAbsent(field, new Problem(field, code, List.of(arguments)));
	}

	public boolean hasErrors() {
		return !problems.isEmpty();
	}

	public boolean has(String field) {
		return problems.containsKey(field);
	}

	public List<Problem> all() {
		return new ArrayList<>(problems.values());
	}

	/** One validation problem: the field, the message code and its arguments. */
	public record Problem(String field, String code, List<Object> arguments) {

		public Object[] argumentArray() {
			return arguments.toArray();
		}

	}

}
