package org.workspaceportal.storage.flashblade;

import java.util.Map;

/**
 * One HTTP call to the management API, before any session is attached.
 *
 * @param path absolute path, e.g. {@code /api/2.17/buckets}
 * @param query parameters in the order given (values are encoded when sent)
 * @param body JSON body, or null for an empty one
 * @param resource short name of the resource for metrics, e.g. {@code buckets}
 * @param delivery how the call travels: most over the shared pool of connections; one that must
 *     reach the array at most once, and the call just before it, over connections of their own
 */
record Exchange(
    String method,
    String path,
    Map<String, String> query,
    byte[] body,
    String resource,
    Delivery delivery) {

  Exchange {
    query = query == null ? Map.of() : query;
  }

  /**
   * The call must reach the array at most once (creating an access key): a one-shot body and no
   * retry by OkHttp, so that nothing replays it.
   */
  boolean once() {
    return delivery == Delivery.ONCE;
  }

  enum Delivery {
    /** Over the shared pool; OkHttp may resend it on a connection that turns out stale. */
    POOLED,
    /**
     * The idempotent call just before a {@link #ONCE} call (the listing of a user's keys), over the
     * connection that call then uses: it opens it, so the call sent once needs no TLS handshake of
     * its own.
     */
    BEFORE_ONCE,
    /** At most once: see {@link #once()}. */
    ONCE
  }
}
