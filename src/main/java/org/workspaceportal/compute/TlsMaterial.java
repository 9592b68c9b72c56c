package org.workspaceportal.compute;

import java.util.Objects;

/**
 * The PEM documents a TLS Docker endpoint needs: the CA that signed the engine's certificate, and
 * the client certificate and private key the engine accepts. The key is a secret: {@link
 * #toString()} never shows it, and callers keep it encrypted at rest.
 */
public record TlsMaterial(String caPem, String certificatePem, String privateKeyPem) {

  public TlsMaterial {
    Objects.requireNonNull(caPem, "caPem");
    Objects.requireNonNull(certificatePem, "certificatePem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  @Override
  public String toString() {
    return "TlsMaterial[ca, client certificate, private key (hidden)]";
  }
}
