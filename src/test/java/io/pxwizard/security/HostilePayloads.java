package io.pxwizard.security;

import java.util.List;

/**
 * Text an attacker (or a careless paste) types into a field: long, unicode, control,
 * HTML/JS, shell, traversal and CRLF.
 */
public final class HostilePayloads {

	public static final List<String> ALL = List.of("x".repeat(5000), "🚀 ﺎﻠﻋﺮﺒﻳﺓ e\u0301", "\u0000\u0007\u001b[31m",
			"<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "$(id)", "`id`",
			"; rm -rf / #", "' || reboot '", "a && b | c > /tmp/x", "../../../../etc/passwd", "%2e%2e%2f%00",
			"\r\nSet-Cookie: pwned=1", "{{7*7}}${7*7}#{7*7}", "NAME=$(id)", "/dev/sdb;reboot");

	private HostilePayloads() {
	}

}
