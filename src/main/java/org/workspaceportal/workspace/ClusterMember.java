package org.workspaceportal.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One container of a workspace's cluster: where it runs and what the engine last said of it. */
@Entity
@Table(name = "cluster_members")
@IdClass(ClusterMember.Key.class)
class ClusterMember {

  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Id private String role;

  @Column(name = "host_id", nullable = false)
  private UUID hostId;

  @Column(name = "container_name", nullable = false)
  private String containerName;

  @Column(name = "container_id")
  private String containerId;

  @Column(nullable = false)
  private String state;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ClusterMember() {}

  ClusterMember(UUID workspaceId, String role, UUID hostId, String containerName, Instant now) {
    this.workspaceId = workspaceId;
    this.role = role;
    this.hostId = hostId;
    this.containerName = containerName;
    this.state = "planned";
    this.updatedAt = now;
  }

  record Key(UUID workspaceId, String role) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  void seen(String containerId, String state, Instant now) {
    this.containerId = containerId;
    this.state = state;
    this.updatedAt = now;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  String role() {
    return role;
  }

  UUID hostId() {
    return hostId;
  }

  String containerName() {
    return containerName;
  }

  String containerId() {
    return containerId;
  }

  String state() {
    return state;
  }
}
