package org.workspaceportal.flashbladesim;

import java.time.Instant;

/**
 * One call the management API answered, for tests that assert "created once".
 *
 * @param path the request path without query, e.g. {@code /api/2.17/buckets}
 * @param resource the collection addressed, e.g. {@code buckets} or {@code
 *     object-store-access-policies/object-store-users}, or {@code login}, {@code logout}, {@code
 *     api_version}
 * @param query the raw query string, or {@code null}
 */
public record ApiCall(
    Instant at,
    String method,
    String path,
    String resource,
    String query,
    int status,
    String requestId) {}
