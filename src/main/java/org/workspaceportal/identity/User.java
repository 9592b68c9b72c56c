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
