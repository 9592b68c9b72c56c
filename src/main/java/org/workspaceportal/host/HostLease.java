package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Cores and memory one container of a workspace holds on a host. */
@Entity
@Table(name = "host_leases")
class HostLease {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "host_id", nullable = false, updatable = false)
  private UUID hostId;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String role;

  @Column(nullable = false, updatable = false)
  private int cpus;

  @Column(name = "memory_mb", nullable = false, updatable = false)
  private int memoryMb;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Held by a warm-pool cluster (its id in workspaceId) that no workspace claimed yet. */
  @Column(nullable = false)
  private boolean pooled;

  protected HostLease() {}

  HostLease(
      UUID hostId,
      UUID workspaceId,
      String role,
      int cpus,
      int memoryMb,
      boolean pooled,
      Instant now) {
    this.pooled = pooled;
    this.hostId = hostId;
    this.workspaceId = workspaceId;
    this.role = role;
    this.cpus = cpus;
    this.memoryMb = memoryMb;
    this.createdAt = now;
  }

  UUID hostId() {
    return hostId;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  String role() {
    return role;
  }

  int cpus() {
    return cpus;
  }

  int memoryMb() {
    return memoryMb;
  }
}
