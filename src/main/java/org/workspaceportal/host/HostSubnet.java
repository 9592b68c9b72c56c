package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** The subnet of a cluster's own network on one host, leased until the cluster is removed. */
@Entity
@Table(name = "host_subnets")
@IdClass(HostSubnet.Key.class)
class HostSubnet {

  @Id
  @Column(name = "host_id")
  private UUID hostId;

  @Id
  @Column(name = "holder_id")
  private UUID holderId;

  @Column(nullable = false, updatable = false)
  private String subnet;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected HostSubnet() {}

  HostSubnet(UUID hostId, UUID holderId, String subnet, Instant now) {
    this.hostId = hostId;
    this.holderId = holderId;
    this.subnet = subnet;
    this.createdAt = now;
  }

  record Key(UUID hostId, UUID holderId) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  UUID holderId() {
    return holderId;
  }

  UUID hostId() {
    return hostId;
  }

  String subnet() {
    return subnet;
  }
}
