package org.workspaceportal.compute.docker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.workspaceportal.compute.EngineEndpoint;

/**
 * Finds out why a TLS engine dropped the connection. With TLS 1.3 a server that refuses the client
 * certificate says so only after the client's handshake has completed, so the HTTP client sees a
 * broken pipe or a reset rather than the alert; a bare handshake followed by a read gets the alert
 * itself.
 */
final class TlsDiagnosis {

  private static final int TIMEOUT_MS = 3000;

  private TlsDiagnosis() {}

  /** The server's refusal as an exception message, or null when the handshake and a read pass. */
  static String alertOf(EngineEndpoint endpoint) {
    try (SSLSocket socket =
        (SSLSocket)
            PemSslConfig.of(endpoint.tls()).getSSLContext().getSocketFactory().createSocket()) {
      socket.connect(
          new InetSocketAddress(endpoint.uri().getHost(), endpoint.uri().getPort()), TIMEOUT_MS);
      socket.setSoTimeout(TIMEOUT_MS);
      socket.startHandshake();
      socket.getInputStream().read();
      return null;
    } catch (SocketTimeoutException e) {
      return null; // the server waits for a request: it accepted us
    } catch (SSLException e) {
      return String.valueOf(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
