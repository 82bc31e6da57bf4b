package io.pxwizard.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a page shows comes from messages.properties: text in a template is only the
 * natural-template placeholder of an element whose {@code th:text} (or fragment) replaces
 * it, and every message key a template names exists.
 */
class TemplateTextTests {

	/** A tag, with {@code >} allowed inside quoted attribute values. */
	private static final Pattern TAG = Pattern.compile("<(?:[^\"'>]|\"[^\"]*\"|'[^']*')*>");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	private static final Pattern REPLACED = Pattern.compile("th:(u?text|replace|insert)=");

	@Test
	void templatesHoldNoTextOfTheirOwn() throws IOException {
		List<String> literal = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			Matcher tags = TAG.matcher(html);
			String previousTag = null;
			int previousEnd = 0;
			while (tags.find()) {
				String text = html.substring(previousEnd, tags.start());
				if (previousTag != null && text.chars().anyMatch(Character::isLetter)
						&& (previousTag.startsWith("</") || !REPLACED.matcher(previousTag).find())
						&& !previousTag.startsWith("<title")) {
					literal.add(template.getFileName() + ": \"" + text.strip() + "\" after " + previousTag);
				}
				previousTag = tags.group();
				previousEnd = tags.end();
			}
		}
		assertThat(literal).as("text written into templates instead of messages.properties").isEmpty();
	}

	@Test
	void everyMessageKeyATemplateNamesExists() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/messages.properties")) {
			messages.load(in);
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher keys = MESSAGE_KEY.matcher(Files.readString(template));
			while (keys.find()) {
				String key = keys.group(1);
				if (!messages.containsKey(key)) {
					missing.add(template.getFileName() + ": " + key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void theGuardFindsALiteral() {
		Matcher tags = TAG.matcher("<p class=\"x\" th:if=\"${a > 0}\">Hello</p>");
		assertThat(tags.find()).isTrue();
		assertThat(tags.group()).isEqualTo("<p class=\"x\" th:if=\"${a > 0}\">");
		assertThat(REPLACED.matcher(tags.group()).find()).isFalse();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("templates"))) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

}
