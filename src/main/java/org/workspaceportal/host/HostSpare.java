package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A spare pod's hold on a host: its subnet and ports are leased under {@link #holderId}, the id the
 * cluster that adopts it will carry (see {@link CapacityService#adoptSpare}).
 */
@Entity
@Table(name = "host_spares")
class HostSpare {

  @Id
  @Column(name = "holder_id")
  private UUID holderId;

  @Column(name = "host_id", nullable = false, updatable = false)
  private UUID hostId;

  @Column(nullable = false, updatable = false)
  private String image;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** When its pod was seen running; null while it is being made. */
  @Column(name = "made_at")
  private Instant madeAt;

  protected HostSpare() {}

  HostSpare(UUID holderId, UUID hostId, String image, Instant now) {
    this.holderId = holderId;
    this.hostId = hostId;
    this.image = image;
    this.createdAt = now;
  }

  UUID holderId() {
    return holderId;
  }

  UUID hostId() {
    return hostId;
  }

  String image() {
    return image;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant madeAt() {
    return madeAt;
  }

  void made(Instant now) {
    this.madeAt = now;
  }
}
