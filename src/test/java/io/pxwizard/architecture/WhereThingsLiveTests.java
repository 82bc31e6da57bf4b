package io.pxwizard.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md's "Where things live" stays true: every class (as {@code package/Class}) and
 * every file or folder it names exists.
 */
class WhereThingsLiveTests {

	private static final Pattern NAMED = Pattern.compile("`([^`]+)`");

	private static final Pattern CLASS = Pattern.compile("([a-z]+)/([A-Z][A-Za-z]+)(#[a-z][A-Za-z]*)?");

	private static final Pattern FILE = Pattern.compile("(templates|deploy|static|src|bench)/[^<>*]+");

	@Test
	void everyClassFileAndFolderItNamesExists() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("\n## Where things live");
		int end = readme.indexOf("\n## ", start + 1);
		assertThat(start).isPositive();
		Matcher named = NAMED.matcher(readme.substring(start, (end > 0) ? end : readme.length()));
		List<String> checked = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		while (named.find()) {
			String name = named.group(1);
			Matcher type = CLASS.matcher(name);
			if (type.matches()) {
				String file = type.group(1) + "/" + type.group(2) + ".java";
				checked.add(name);
				if (!Files.exists(Path.of("src/main/java/io/pxwizard", file))
						&& !Files.exists(Path.of("src/test/java/io/pxwizard", file))) {
					missing.add(name);
				}
			}
			else if (FILE.matcher(name).matches()) {
				checked.add(name);
				if (!Files.exists(Path.of(name))) {
					missing.add(name);
				}
			}
		}
		assertThat(checked).as("what the section names").hasSizeGreaterThan(50);
		assertThat(missing).as("named in README.md but not in the tree").isEmpty();
	}

}
