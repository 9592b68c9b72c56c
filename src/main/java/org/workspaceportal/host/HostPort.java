package org.workspaceportal.host;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One port leased to one container of a workspace, on a host's address. */
@Entity
@Table(name = "host_ports")
@IdClass(HostPort.Key.class)
class HostPort {

  @Id private String address;

  @Id private int port;

  @Column(name = "host_id", nullable = false, updatable = false)
  private UUID hostId;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String role;

  protected HostPort() {}

  HostPort(String address, int port, UUID hostId, UUID workspaceId, String role) {
    this.address = address;
    this.port = port;
    this.hostId = hostId;
    this.workspaceId = workspaceId;
    this.role = role;
  }

  record Key(String address, int port) implements Serializable {
    Key() {
      this(null, 0);
    }
  }

  int port() {
    return port;
  }

  String role() {
    return role;
  }

  UUID hostId() {
    return hostId;
  }
}
