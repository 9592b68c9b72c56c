package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A registered Docker host: what an admin configured (what its engine says is {@link HostHealth}).
 */
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

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected DockerHost() {}

  DockerHost(String name, Instant now) {
    this.id = UUID.randomUUID();
    this.name = name;
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

  void setDrained(boolean drained, Instant now) {
    this.drained = drained;
    this.updatedAt = now;
  }

  EncryptedTls tls() {
    return tlsKeyCiphertext == null
        ? null
        : new EncryptedTls(tlsCaCiphertext, tlsCertCiphertext, tlsKeyCiphertext);
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

  Instant createdAt() {
    return createdAt;
  }
}
