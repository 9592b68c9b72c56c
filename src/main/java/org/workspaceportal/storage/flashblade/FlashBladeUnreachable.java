package org.workspaceportal.storage.flashblade;

import org.workspaceportal.storage.StorageException;

/** No answer from the array: refused connection, TLS failure, timeout, dropped connection. */
final class FlashBladeUnreachable extends StorageException {

  private final boolean requestSent;

  FlashBladeUnreachable(String action, ExchangeFailure failure, int attempts) {
    super("FlashBlade did not answer when asked to " + action + ": " + failure.getMessage()
        + (attempts > 1 ? " (on all " + attempts + " attempts)" : ""), true, failure);
    this.requestSent = failure.requestSent();
  }

  /** False when the request provably never left this machine. */
  boolean requestSent() {
    return requestSent;
  }
}
