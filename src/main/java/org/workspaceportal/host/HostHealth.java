package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.compute.EngineInfo;

/**
 * What the health check last saw of a host's engine. Kept apart from {@link DockerHost} so that a
 * check, which writes every few seconds, never collides with an admin's edit of the settings.
 */
@Entity
@Table(name = "host_health")
class HostHealth {

  @Id
  @Column(name = "host_id")
  private UUID hostId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private HostStatus status;

  @Column(name = "last_checked_at")
  private Instant lastCheckedAt;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "engine_version")
  private String engineVersion;

  @Column(name = "api_version")
  private String apiVersion;

  @Column(name = "engine_cpus")
  private Integer engineCpus;

  @Column(name = "engine_memory_bytes")
  private Long engineMemoryBytes;

  /** The host forwards IPv4 packets, as its engine last said; null before it answered. */
  @Column(name = "ipv4_forwarding")
  private Boolean ipv4Forwarding;

  protected HostHealth() {}

  HostHealth(UUID hostId) {
    this.hostId = hostId;
    this.status = HostStatus.UNKNOWN;
  }

  /** The engine answered. */
  void answered(EngineInfo info, Instant now) {
    status = HostStatus.UP;
    lastCheckedAt = now;
    lastSeenAt = now;
    lastError = null;
    engineVersion = clip(info.engineVersion(), 64);
    apiVersion = clip(info.apiVersion(), 16);
    engineCpus = info.cpus();
    engineMemoryBytes = info.memoryBytes();
    ipv4Forwarding = info.ipv4Forwarding();
  }

  Boolean ipv4Forwarding() {
    return ipv4Forwarding;
  }

  /**
   * The engine did not answer: the host stays UP within {@code grace} of the last answer (one lost
   * check is no outage), else it is DOWN.
   */
  void didNotAnswer(String error, Duration grace, Instant now) {
    lastCheckedAt = now;
    lastError = clip(error, 1000);
    boolean withinGrace =
        status == HostStatus.UP
            && lastSeenAt != null
            && Duration.between(lastSeenAt, now).compareTo(grace) < 0;
    if (!withinGrace) {
      status = HostStatus.DOWN;
    }
  }

  /** Cores the portal may use: as configured, else what the engine reported, else none. */
  int offeredCpus(Integer configured) {
    return configured != null ? configured : engineCpus != null ? engineCpus : 0;
  }

  /** Memory the portal may use, in MB: as configured, else what the engine reported, else none. */
  int offeredMemoryMb(Integer configured) {
    if (configured != null) {
      return configured;
    }
    return engineMemoryBytes != null ? (int) (engineMemoryBytes / (1024 * 1024)) : 0;
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  UUID hostId() {
    return hostId;
  }

  HostStatus status() {
    return status;
  }

  Instant lastCheckedAt() {
    return lastCheckedAt;
  }

  Instant lastSeenAt() {
    return lastSeenAt;
  }

  String lastError() {
    return lastError;
  }

  String engineVersion() {
    return engineVersion;
  }

  String apiVersion() {
    return apiVersion;
  }

  Integer engineCpus() {
    return engineCpus;
  }

  Long engineMemoryBytes() {
    return engineMemoryBytes;
  }
}
