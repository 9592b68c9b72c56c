package org.workspaceportal.workspace.pool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.workspace.template.WorkspaceTemplate;

/**
 * A warm-pool cluster: a master and a template's default workers, started for no one yet, with its
 * own Spark secret (in its cluster record, which has the same id) and nothing of any user. The
 * engine provisions it (STARTING) and tears it down (REMOVING) with the same steps as a workspace's
 * cluster; an approval claims a READY one (its cluster record then serves that workspace, and this
 * record goes).
 */
@Entity
@Table(name = "pool_clusters")
public class PoolCluster {

  /** How far a pool cluster is. */
  enum State {
    /** Placed; its containers are being started or its workers have not all joined yet. */
    STARTING,
    /** Every worker joined its master: an approval may claim it. */
    READY,
    /** Unfit (dead, drained, template changed, pool shrunk): it is being torn down. */
    REMOVING,
    /** Its teardown failed; the pool manager tries it again a while later. */
    FAILED
  }

  @Id private UUID id;

  @Column(name = "template_id", nullable = false, updatable = false)
  private UUID templateId;

  @Column(nullable = false, updatable = false)
  private String image;

  @Column(nullable = false, updatable = false)
  private int workers;

  @Column(name = "worker_cores", nullable = false, updatable = false)
  private int workerCores;

  @Column(name = "worker_memory_mb", nullable = false, updatable = false)
  private int workerMemoryMb;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private State state;

  private String reason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected PoolCluster() {}

  /** A new pool cluster of the template; its cluster record has the same id. */
  PoolCluster(UUID id, WorkspaceTemplate template, Instant now) {
    this.id = id;
    this.templateId = template.id();
    this.image = template.image();
    this.workers = template.defaultWorkers();
    this.workerCores = template.workerCores();
    this.workerMemoryMb = template.workerMemoryMb();
    this.state = State.STARTING;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Whether an approval of the template may claim it: it was started with the same settings. */
  boolean fits(WorkspaceTemplate template) {
    return template.enabled()
        && image.equals(template.image())
        && workers == template.defaultWorkers()
        && workerCores == template.workerCores()
        && workerMemoryMb == template.workerMemoryMb();
  }

  void ready(Instant now) {
    state = State.READY;
    reason = null;
    updatedAt = now;
  }

  void removing(String why, Instant now) {
    state = State.REMOVING;
    reason = shortened(why);
    updatedAt = now;
  }

  /** Its teardown failed for good this time; {@code why} says at which step. */
  void teardownFailed(String why, Instant now) {
    state = State.FAILED;
    reason = shortened(why);
    updatedAt = now;
  }

  private static String shortened(String why) {
    return why.length() > 1000 ? why.substring(0, 1000) : why;
  }

  public UUID id() {
    return id;
  }

  UUID templateId() {
    return templateId;
  }

  String image() {
    return image;
  }

  int workers() {
    return workers;
  }

  int workerCores() {
    return workerCores;
  }

  int workerMemoryMb() {
    return workerMemoryMb;
  }

  State state() {
    return state;
  }

  String reason() {
    return reason;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant updatedAt() {
    return updatedAt;
  }
}
