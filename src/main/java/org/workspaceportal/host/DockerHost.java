package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.compute.EngineInfo;

/** A registered Docker host and what its last health check found. */
@Entity
@Table(name = "hosts")
class DockerHost {

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String name;

  @Column(nullable = false)
  private String endpoint;

  @Column(nullable = false)
  private String address;

  @Column(nullable = false)
  private String labels;

  private Integer cpus;

  @Column(name = "memory_mb")
  private Integer memoryMb;

  @Column(name = "port_range_start", nullable = false)
  private int portRangeStart;

  @Column(name = "port_range_end", nullable = false)
  private int portRangeEnd;

  @Column(name = "tls_ca_ciphertext")
  private String tlsCaCiphertext;

  @Column(name = "tls_cert_ciphertext")
  private String tlsCertCiphertext;

  @Column(name = "tls_key_ciphertext")
  private String tlsKeyCiphertext;

  private boolean drained;

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

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected DockerHost() {}

  DockerHost(String name, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
    this.status = HostStatus.UNKNOWN;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets everything an admin gives; TLS ciphertexts all null or all set. */
  void configure(
      String endpoint,
      String address,
      String labels,
      Integer cpus,
      Integer memoryMb,
      int portRangeStart,
      int portRangeEnd,
      EncryptedTls tls,
      Instant now) {
    this.endpoint = endpoint;
    this.address = address;
    this.labels = labels;
    this.cpus = cpus;
    this.memoryMb = memoryMb;
    this.portRangeStart = portRangeStart;
    this.portRangeEnd = portRangeEnd;
    this.tlsCaCiphertext = tls == null ? null : tls.ca();
    this.tlsCertCiphertext = tls == null ? null : tls.certificate();
    this.tlsKeyCiphertext = tls == null ? null : tls.privateKey();
    this.updatedAt = now;
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

  void setDrained(boolean drained, Instant now) {
    this.drained = drained;
    this.updatedAt = now;
  }

  /** Cores the portal may use: as configured, else what the engine reported, else none. */
  int offeredCpus() {
    return cpus != null ? cpus : engineCpus != null ? engineCpus : 0;
  }

  /** Memory the portal may use, in MB: as configured, else what the engine reported, else none. */
  int offeredMemoryMb() {
    if (memoryMb != null) {
      return memoryMb;
    }
    return engineMemoryBytes != null ? (int) (engineMemoryBytes / (1024 * 1024)) : 0;
  }

  EncryptedTls tls() {
    return tlsKeyCiphertext == null
        ? null
        : new EncryptedTls(tlsCaCiphertext, tlsCertCiphertext, tlsKeyCiphertext);
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  /** The TLS PEM documents as stored: each one encrypted. */
  record EncryptedTls(String ca, String certificate, String privateKey) {}

  UUID id() {
    return id;
  }

  String name() {
    return name;
  }

  String endpoint() {
    return endpoint;
  }

  String address() {
    return address;
  }

  String labels() {
    return labels;
  }

  Integer cpus() {
    return cpus;
  }

  Integer memoryMb() {
    return memoryMb;
  }

  int portRangeStart() {
    return portRangeStart;
  }

  int portRangeEnd() {
    return portRangeEnd;
  }

  boolean drained() {
    return drained;
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

  Instant createdAt() {
    return createdAt;
  }
}
