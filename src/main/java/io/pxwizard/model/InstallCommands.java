package io.pxwizard.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The install URLs of a spec and the {@code kubectl} lines that apply them, in the order
 * they must run.
 *
 * @param operatorUrl the operator manifest ({@code ?comp=pxoperator}), or {@code null}
 * for the DaemonSet install
 * @param specUrl the cluster spec
 * @param namespace where the pods appear, for the commands that watch the install
 */
public record InstallCommands(String operatorUrl, String specUrl, String namespace) {

	public List<String> urls() {
		List<String> urls = new ArrayList<>();
		if (operatorUrl != null) {
			urls.add(operatorUrl);
		}
		urls.add(specUrl);
		return urls;
	}

	/** {@code kubectl apply -f '<url>'} for each URL. */
	public List<String> applyCommands() {
		return urls().stream().map((url) -> "kubectl apply -f " + ShellQuoting.singleQuoted(url)).toList();
	}

	/** What an administrator runs to watch the install come up. */
	public List<String> watchCommands() {
		String ns = ShellQuoting.quotedIfNeeded(namespace);
		List<String> commands = new ArrayList<>();
		commands.add("kubectl -n " + ns + " get pods");
		if (operatorUrl != null) {
			commands.add("kubectl -n " + ns + " get storagecluster");
		}
		return commands;
	}

}
