package org.workspaceportal.identity;

import java.time.Instant;
import java.util.UUID;

/** A freshly created token: the only time {@code token} is ever available. */
public record NewApiToken(UUID id, String name, String token, String prefix, Instant expiresAt) {

  @Override
  public String toString() {
    return "NewApiToken[id=" + id + ", name=" + name + ", prefix=" + prefix + "]";
  }
}
