package org.workspaceportal.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The Spark cluster of one workspace: its image and secrets (encrypted), and how far it came up.
 * Made by the placement step, or taken from a warm pool; its containers are {@link ClusterMember}s,
 * named and labelled by its cluster id.
 */
@Entity
@Table(name = "workspace_clusters")
class WorkspaceCluster {

  @Id
  @Column(name = "workspace_id")
  private UUID workspaceId;

  /** Names and labels its containers: the workspace's id, or the pool cluster's it claimed. */
  @Column(name = "cluster_id", nullable = false, updatable = false)
  private UUID clusterId;

  @Column(nullable = false, updatable = false)
  private String image;

  @Column(name = "spark_secret_ciphertext", nullable = false, updatable = false)
  private String sparkSecretCiphertext;

  @Column(name = "jupyter_token_ciphertext", nullable = false, updatable = false)
  private String jupyterTokenCiphertext;

  @Column(name = "workers_alive", nullable = false)
  private int workersAlive;

  @Column(name = "notebook_ready_at")
  private Instant notebookReadyAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WorkspaceCluster() {}

  WorkspaceCluster(
      UUID workspaceId,
      UUID clusterId,
      String image,
      String sparkSecretCiphertext,
      String jupyterTokenCiphertext,
      Instant now) {
    this.workspaceId = workspaceId;
    this.clusterId = clusterId;
    this.image = image;
    this.sparkSecretCiphertext = sparkSecretCiphertext;
    this.jupyterTokenCiphertext = jupyterTokenCiphertext;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void notebookAnswered(Instant now) {
    if (notebookReadyAt == null) {
      notebookReadyAt = now;
    }
    updatedAt = now;
  }

  void workersAlive(int alive, Instant now) {
    workersAlive = alive;
    updatedAt = now;
  }

  /** Its containers were stopped: no notebook answers and no worker is alive until it starts. */
  void stopped(Instant now) {
    notebookReadyAt = null;
    workersAlive = 0;
    updatedAt = now;
  }

  UUID workspaceId() {
    return workspaceId;
  }

  UUID clusterId() {
    return clusterId;
  }

  /** Whether it came from a warm pool (its containers are named by the pool cluster's id). */
  boolean fromPool() {
    return !clusterId.equals(workspaceId);
  }

  String image() {
    return image;
  }

  String sparkSecretCiphertext() {
    return sparkSecretCiphertext;
  }

  String jupyterTokenCiphertext() {
    return jupyterTokenCiphertext;
  }

  int workersAlive() {
    return workersAlive;
  }

  Instant notebookReadyAt() {
    return notebookReadyAt;
  }
}
