package org.workspaceportal.storage.flashblade;

import java.io.IOException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * No answer: connection refused, TLS failure, timeout, connection dropped. {@link #requestSent()}
 * says whether the request may have reached the array; when false it provably did not (OkHttp never
 * started writing it), which is the only case in which a non-idempotent call may be sent again.
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

  /**
   * The array's certificate (or host name) was not accepted: a configuration problem that no retry
   * fixes, and the request was never sent.
   */
  boolean certificateRejected() {
    for (Throwable cause = getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLPeerUnverifiedException
          || cause instanceof CertificateException
          || (cause instanceof SSLHandshakeException
              && cause.getMessage() != null
              && cause.getMessage().contains("PKIX"))) {
        return true;
      }
    }
    return false;
  }
}
