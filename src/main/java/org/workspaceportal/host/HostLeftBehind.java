package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The ports and subnet a cluster held on a host that did not answer when it let go of them: they
 * stay leased under {@link #holderId} until the host shows nothing of the cluster (see {@link
 * CapacityService#release(UUID)}).
 */
@Entity
@Table(name = "host_left_behind")
class HostLeftBehind {

  @Id
  @Column(name = "holder_id")
  private UUID holderId;

  @Column(name = "host_id", nullable = false, updatable = false)
  private UUID hostId;

  @Column(name = "cluster_id", nullable = false, updatable = false)
  private UUID clusterId;

  @Column(name = "left_at", nullable = false, updatable = false)
  private Instant leftAt;

  protected HostLeftBehind() {}

  HostLeftBehind(UUID holderId, UUID hostId, UUID clusterId, Instant now) {
    this.holderId = holderId;
    this.hostId = hostId;
    this.clusterId = clusterId;
    this.leftAt = now;
  }

  UUID holderId() {
    return holderId;
  }

  UUID hostId() {
    return hostId;
  }

  UUID clusterId() {
    return clusterId;
  }
}
