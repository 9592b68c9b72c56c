package org.workspaceportal.storage.flashblade;

import org.workspaceportal.storage.StorageException;

/**
 * No answer from the array: refused connection, TLS failure, timeout, dropped connection.
 * Transient, except when the array's certificate was rejected: that needs a configuration change.
 */
final class FlashBladeUnreachable extends StorageException {

  private final boolean requestSent;

  FlashBladeUnreachable(String action, ExchangeFailure failure) {
    super(
        failure.certificateRejected()
            ? "The FlashBlade management certificate is not trusted, so the portal did not "
                + action
                + ": "
                + failure.getMessage()
                + ". Set portal.storage.flashblade.ca-certificate to the PEM file of the "
                + "array's CA (or its self-signed certificate)"
            : "FlashBlade did not answer when asked to " + action + ": " + failure.getMessage(),
        !failure.certificateRejected(),
        failure);
    this.requestSent = failure.requestSent();
  }

  /** False when the request provably never left this machine. */
  boolean requestSent() {
    return requestSent;
  }
}
