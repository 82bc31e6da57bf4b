package io.pxwizard.apply;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

/** Why an apply failed, in kubectl's categories, for the line that names the object. */
enum ApplyFailure {

	FORBIDDEN("Forbidden"), UNREACHABLE("Unreachable"), CONFLICT("Conflict"), TIMEOUT("Timeout"), INVALID("Invalid"),
	NOT_FOUND("NotFound"), OTHER("Error");

	private final String reason;

	ApplyFailure(String reason) {
		this.reason = reason;
	}

	/** {@code Error from server (Forbidden): <message>}, as kubectl says it. */
	static String describe(Throwable error) {
		ApplyFailure failure = of(error);
		String message = message(error);
		return switch (failure) {
			case UNREACHABLE -> "Unable to connect to the server: " + message;
			case TIMEOUT -> "timed out: " + message;
			default -> "Error from server (" + failure.reason + "): " + message;
		};
	}

	static ApplyFailure of(Throwable error) {
		if (error instanceof KubernetesClientTimeoutException || error instanceof TimeoutException) {
			return TIMEOUT;
		}
		if (error instanceof KubernetesClientException client) {
			switch (client.getCode()) {
				case 403:
					return FORBIDDEN;
				case 409:
					return CONFLICT;
				case 400, 415, 422:
					return INVALID;
				case 404:
					return NOT_FOUND;
				default:
					break;
			}
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof SocketTimeoutException || cause instanceof java.io.IOException) {
				return UNREACHABLE;
			}
		}
		return OTHER;
	}

	private static String message(Throwable error) {
		if (error instanceof KubernetesClientException client && client.getStatus() != null
				&& client.getStatus().getMessage() != null) {
			return client.getStatus().getMessage();
		}
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String text = (error.getMessage() != null) ? error.getMessage() : root.toString();
		return text.length() > 400 ? text.substring(0, 400) + "…" : text;
	}

}
