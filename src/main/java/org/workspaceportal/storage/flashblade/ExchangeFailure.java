package org.workspaceportal.storage.flashblade;

import java.io.IOException;

/**
 * No answer: connection refused, TLS failure, timeout, connection dropped. {@link #requestSent()} says
 * whether the request may have reached the array; when false it provably did not (OkHttp never started
 * writing it), which is the only case in which a non-idempotent call may be sent again.
 */
final class ExchangeFailure extends IOException {

  private final boolean requestSent;

  ExchangeFailure(String message, IOException cause, boolean requestSent) {
    super(message, cause);
    this.requestSent = requestSent;
  }

  boolean requestSent() {
    return requestSent;
  }
}
