package org.workspaceportal.workspace.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A Spark cluster made for workspaces: one that serves a workspace, or one kept started in a warm
 * pool for a workspace to come (no workspace, no Jupyter token: nothing of any user). Its image and
 * secrets (encrypted), and how far it came up. Claiming one from a pool gives it a workspace and a
 * fresh Jupyter token; its id, which names everything the runtime made for it, stays.
 */
@Entity
@Table(name = "workspace_clusters")
public class WorkspaceCluster {

  @Id
  @Column(name = "cluster_id")
  private UUID clusterId;

  /** The workspace it serves; null while it waits in a warm pool. */
  @Column(name = "workspace_id")
  private UUID workspaceId;

  @Column(nullable = false, updatable = false)
  private String image;

  @Column(name = "spark_secret_ciphertext", nullable = false, updatable = false)
  private String sparkSecretCiphertext;

  /** Null while it waits in a warm pool: a pool cluster has no notebook. */
  @Column(name = "jupyter_token_ciphertext")
  private String jupyterTokenCiphertext;

  @Column(name = "workers_alive", nullable = false)
  private int workersAlive;

  @Column(name = "notebook_ready_at")
  private Instant notebookReadyAt;

  /** What its image declared it offers when it was last prepared: a Python {@code spark}. */
  @Column(name = "image_pyspark", nullable = false)
  private boolean imagePySpark;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected WorkspaceCluster() {}

  /**
   * @param workspaceId null for a warm-pool cluster
   * @param jupyterTokenCiphertext null for a warm-pool cluster
   */
  WorkspaceCluster(
      UUID clusterId,
      UUID workspaceId,
      String image,
      String sparkSecretCiphertext,
      String jupyterTokenCiphertext,
      Instant now) {
    this.clusterId = clusterId;
    this.workspaceId = workspaceId;
    this.image = image;
    this.sparkSecretCiphertext = sparkSecretCiphertext;
    this.jupyterTokenCiphertext = jupyterTokenCiphertext;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * A workspace claims it from a warm pool: it serves that workspace, whose notebook gets this
   * token.
   */
  void claim(UUID workspace, String jupyterTokenCiphertext, Instant now) {
    if (this.workspaceId != null) {
      throw new IllegalStateException("cluster " + clusterId + " already serves a workspace");
    }
    this.workspaceId = workspace;
    this.jupyterTokenCiphertext = jupyterTokenCiphertext;
    this.updatedAt = now;
  }

  void renewToken(String jupyterTokenCiphertext, Instant now) {
    if (workspaceId == null) {
      throw new IllegalStateException("a warm-pool cluster has no notebook and no token");
    }
    this.jupyterTokenCiphertext = jupyterTokenCiphertext;
    this.notebookReadyAt = null;
    this.updatedAt = now;
  }

  void notebookAnswered(Instant now) {
    if (notebookReadyAt == null) {
      notebookReadyAt = now;
    }
    updatedAt = now;
  }

  public void workersAlive(int alive, Instant now) {
    workersAlive = alive;
    updatedAt = now;
  }

  /** Its containers were stopped: no notebook answers and no worker is alive until it starts. */
  void stopped(Instant now) {
    notebookReadyAt = null;
    workersAlive = 0;
    updatedAt = now;
  }

  public UUID clusterId() {
    return clusterId;
  }

  /** The workspace it serves; null for a warm-pool cluster. */
  public UUID workspaceId() {
    return workspaceId;
  }

  /** Whether it came from a warm pool (it was made before the workspace it serves). */
  public boolean fromPool() {
    return workspaceId != null && !clusterId.equals(workspaceId);
  }

  public String image() {
    return image;
  }

  public String sparkSecretCiphertext() {
    return sparkSecretCiphertext;
  }

  public String jupyterTokenCiphertext() {
    return jupyterTokenCiphertext;
  }

  public int workersAlive() {
    return workersAlive;
  }

  /** Whether its image declared PySpark (label {@code org.workspaceportal.image.pyspark}). */
  public boolean imagePySpark() {
    return imagePySpark;
  }

  void imagePrepared(boolean pySpark, Instant now) {
    imagePySpark = pySpark;
    updatedAt = now;
  }

  public Instant notebookReadyAt() {
    return notebookReadyAt;
  }
}
