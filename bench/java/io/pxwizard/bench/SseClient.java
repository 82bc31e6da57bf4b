package io.pxwizard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

/** A status-page stream read line by line without a thread of its own; records when each marker first arrives. */
final class SseClient implements Flow.Subscriber<String> {

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final Iterable<String> markers;

	private volatile boolean started;

	/** Characters received (the stream is ASCII but for the odd pod event): bytes on the wire, give or take. */
	private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();

	SseClient(Iterable<String> markers) {
		this.markers = markers;
	}

	static SseClient open(HttpClient http, String url, Iterable<String> markers) {
		SseClient client = new SseClient(markers);
		http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream").build(),
				HttpResponse.BodyHandlers.fromLineSubscriber(client));
		return client;
	}

	boolean started() {
		return started;
	}

	long bytes() {
		return bytes.get();
	}

	Long seen(String marker) {
		return seen.get(marker);
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(String line) {
		long now = System.nanoTime();
		started = true;
		bytes.addAndGet(line.length() + 1);
		for (String marker : markers) {
			if (line.contains(marker)) {
				seen.putIfAbsent(marker, now);
			}
		}
	}

	@Override
	public void onError(Throwable error) {
	}

	@Override
	public void onComplete() {
	}

}
