package org.workspaceportal.storage.flashblade;

import java.util.Map;

/**
 * One HTTP call to the management API, before any session is attached.
 *
 * @param path absolute path, e.g. {@code /api/2.17/buckets}
 * @param query parameters in the order given (values are encoded when sent)
 * @param body JSON body, or null for an empty one
 * @param resource short name of the resource for metrics, e.g. {@code buckets}
 * @param once the call must reach the array at most once (creating an access key): a one-shot body
 *     and no retry by OkHttp on a connection failure, so that nothing replays it
 */
record Exchange(
    String method,
    String path,
    Map<String, String> query,
    byte[] body,
    String resource,
    boolean once) {

  Exchange {
    query = query == null ? Map.of() : query;
  }
}
