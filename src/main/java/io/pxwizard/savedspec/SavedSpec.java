package io.pxwizard.savedspec;

import java.time.Instant;

/**
 * A saved spec: its URL (version and query) is the whole wizard state.
 *
 * @param id the key
 * @param name what the administrator called it
 * @param version the Portworx version (the URL path)
 * @param query the spec's canonical query
 * @param createdAt when it was saved
 * @param updatedAt when it was last renamed or saved again
 */
public record SavedSpec(long id, String name, String version, String query, Instant createdAt, Instant updatedAt) {
}
