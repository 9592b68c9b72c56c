package org.workspaceportal.identity;

import java.time.Instant;
import java.util.UUID;

/** A token as listed to its owner: never the token itself, only a prefix to recognise it by. */
public record ApiTokenView(
    UUID id,
    String name,
    String prefix,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt) {

  public boolean active(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }
}
