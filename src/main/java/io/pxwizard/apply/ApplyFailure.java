package io.pxwizard.apply;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import java.util.concurrent.TimeoutException;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;

/** Why an apply failed, in kubectl's categories, for the line that names the object. */
public enum ApplyFailure {

	FORBIDDEN("Forbidden"), UNREACHABLE("Unreachable"), TLS("TLS"), CONFLICT("Conflict"), TIMEOUT("Timeout"),
	INVALID("Invalid"), NOT_FOUND("NotFound"), IO("IO"), OTHER("Error");

	private final String reason;

	ApplyFailure(String reason) {
		this.reason = reason;
	}

	/** {@code Error from server (Forbidden): <message>}, as kubectl says it. */
	public static String describe(Throwable error) {
		ApplyFailure failure = of(error);
		String message = message(error);
		return switch (failure) {
			case UNREACHABLE -> "Unable to connect to the server: " + message;
			case TLS ->
				"TLS handshake with the server failed (check the kubeconfig's certificate authority): " + message;
			case IO -> "The connection to the server broke off: " + message;
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
		// Only what means "cannot reach the server" is called so; other I/O is named for
		// what it is.
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof NoRouteToHostException || cause instanceof SocketTimeoutException
					|| cause instanceof HttpConnectTimeoutException) {
				return UNREACHABLE;
			}
			if (cause instanceof SSLException) {
				return TLS;
			}
		}
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof IOException) {
				return IO;
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
