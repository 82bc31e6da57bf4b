package io.pxwizard.wizard;

import io.pxwizard.web.PrintableText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pxwizard.model.FieldErrors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns validation problems into the sentences shown next to each field (and in
 * plain-text answers).
 */
@Component
public class FieldMessages {

	private final MessageSource messages;

	FieldMessages(MessageSource messages) {
		this.messages = messages;
	}

	/** Field name to its message, in the order the problems were found. */
	public Map<String, String> byField(FieldErrors errors, Locale locale) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.all()
			.forEach((problem) -> byField.put(problem.field(),
					PrintableText.of(messages.getMessage(problem.code(), problem.argumentArray(), locale))));
		return byField;
	}

	/** {@code field: message} lines, for curl. */
	public List<String> lines(FieldErrors errors, Locale locale) {
		return byField(errors, locale).entrySet().stream().map((e) -> e.getKey() + ": " + e.getValue()).toList();
	}

}
