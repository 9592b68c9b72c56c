package org.workspaceportal.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "api_tokens")
class ApiToken {

  @Id private UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(nullable = false)
  private String name;

  @Column(name = "token_hash", nullable = false, updatable = false)
  private String tokenHash;

  @Column(nullable = false, updatable = false)
  private String prefix;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiToken() {}

  ApiToken(
      UUID userId,
      String name,
      String tokenHash,
      String prefix,
      Instant createdAt,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.name = name;
    this.tokenHash = tokenHash;
    this.prefix = prefix;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  UUID id() {
    return id;
  }

  UUID userId() {
    return userId;
  }

  String name() {
    return name;
  }

  boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  boolean revoked() {
    return revokedAt != null;
  }

  void revoke(Instant now) {
    this.revokedAt = now;
  }

  void usedAt(Instant now) {
    this.lastUsedAt = now;
  }

  ApiTokenView toView() {
    return new ApiTokenView(id, name, prefix, createdAt, expiresAt, revokedAt, lastUsedAt);
  }
}
