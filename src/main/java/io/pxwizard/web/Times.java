package io.pxwizard.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Times as pages show them, in UTC like kubectl's timestamps:
 * {@code ${@times.of(instant)}}.
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public String of(Instant instant) {
		return (instant == null) ? "" : FORMAT.format(instant);
	}

}
