package org.workspaceportal.flashbladesim;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * "The next {@code remaining} calls matching method and path prefix fail with {@code status}".
 *
 * @param afterApplying fail only after the call took effect, as when a response is lost
 */
record FaultRule(
    String method, String pathPrefix, int status, boolean afterApplying, AtomicInteger remaining) {

  /**
   * Matches the full path or the path below {@code /api/<version>}, so "/buckets" works for any
   * version.
   */
  boolean matches(String requestMethod, String fullPath, String versionedPath) {
    boolean methodMatches =
        method == null || method.equals("*") || method.equalsIgnoreCase(requestMethod);
    return methodMatches
        && (fullPath.startsWith(pathPrefix) || versionedPath.startsWith(pathPrefix));
  }

  /** Takes one of the remaining failures; false once they are used up. */
  boolean consume() {
    return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }
}
