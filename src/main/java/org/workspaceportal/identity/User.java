package org.workspaceportal.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
class User {

  @Id private UUID id;

  @Column(nullable = false, unique = true, updatable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  private boolean enabled;

  @Column(name = "max_workspaces")
  private Integer maxWorkspaces;

  @Column(name = "max_workers")
  private Integer maxWorkers;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** The provider that signs her in (single sign-on); null for a local user. */
  @Column(name = "sso_issuer", updatable = false)
  private String ssoIssuer;

  @Column(name = "sso_subject", updatable = false)
  private String ssoSubject;

  @Column(name = "display_name")
  private String displayName;

  private String email;

  @Version private long version;

  protected User() {}

  User(String username, String passwordHash, Role role, Instant now) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
    this.enabled = true;
    this.createdAt = now;
  }

  /** A user made at her first sign-in through the provider, linked to its subject for good. */
  static User signedInThrough(
      String issuer, String subject, String username, String passwordHash, Role role, Instant now) {
    User user = new User(username, passwordHash, role, now);
    user.ssoIssuer = issuer;
    user.ssoSubject = subject;
    return user;
  }

  boolean linkedToProvider() {
    return ssoSubject != null;
  }

  /** The provider's latest word on her: name, e-mail and role, at each sign-in. */
  void refreshFromProvider(String displayName, String email, Role role) {
    this.displayName = displayName;
    this.email = email;
    this.role = role;
  }

  UUID id() {
    return id;
  }

  String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  Role role() {
    return role;
  }

  boolean enabled() {
    return enabled;
  }

  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  void setRole(Role role) {
    this.role = role;
  }

  void setQuota(Integer maxWorkspaces, Integer maxWorkers) {
    this.maxWorkspaces = maxWorkspaces;
    this.maxWorkers = maxWorkers;
  }

  UserAccount toAccount() {
    return new UserAccount(id, username, role, enabled, maxWorkspaces, maxWorkers, createdAt);
  }
}
