package org.workspaceportal.workspace.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One role of a cluster and what the runtime last said of it. Where it runs is the runtime's to
 * know.
 */
@Entity
@Table(name = "cluster_members")
@IdClass(ClusterMember.Key.class)
public class ClusterMember {

  @Id
  @Column(name = "cluster_id")
  private UUID clusterId;

  @Id private String role;

  /** What the runtime calls it (a container's id); null before it ran. */
  private String handle;

  @Column(nullable = false)
  private String state;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ClusterMember() {}

  ClusterMember(UUID clusterId, String role, Instant now) {
    this.clusterId = clusterId;
    this.role = role;
    this.state = "planned";
    this.updatedAt = now;
  }

  public record Key(UUID clusterId, String role) implements Serializable {
    Key() {
      this(null, null);
    }
  }

  public void seen(String handle, String state, Instant now) {
    this.handle = handle;
    this.state = state;
    this.updatedAt = now;
  }

  UUID clusterId() {
    return clusterId;
  }

  public String role() {
    return role;
  }

  String handle() {
    return handle;
  }

  public String state() {
    return state;
  }
}
