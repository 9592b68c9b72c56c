package org.workspaceportal.compute;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach one Docker engine: {@code unix:///path/to/docker.sock}, or {@code tcp://host:port}
 * with TLS (the engine's CA, and a client certificate and key it trusts).
 *
 * @param tls null for a unix socket (or a plain-TCP engine on loopback)
 */
public record EngineEndpoint(URI uri, TlsMaterial tls) {

  public EngineEndpoint {
    Objects.requireNonNull(uri, "uri");
  }

  public static EngineEndpoint of(String uri) {
    return new EngineEndpoint(URI.create(uri), null);
  }

  public boolean usesTls() {
    return tls != null;
  }

  /** The host name or address in a {@code tcp://} URI; null for a unix socket. */
  public String host() {
    return "tcp".equals(uri.getScheme()) ? uri.getHost() : null;
  }

  @Override
  public String toString() {
    return uri + (tls != null ? " (TLS)" : "");
  }
}
