package org.workspaceportal.workspace;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.template.WorkspaceTemplate;

/**
 * A workspace and its lifecycle. Every status change goes through {@link #moveTo}, which refuses
 * transitions the {@link WorkspaceStatus} graph does not allow and returns the history row to
 * store.
 */
@Entity
@Table(name = "workspaces")
public class Workspace {

  @Id private UUID id;

  @Column(nullable = false, updatable = false)
  private String name;

  private String description;

  @Column(nullable = false, updatable = false)
  private String owner;

  @Column(name = "template_id", nullable = false, updatable = false)
  private UUID templateId;

  @Column(nullable = false)
  private int workers;

  /**
   * The hard quota of its bucket in GiB, its template's when it was requested (fixed: a later
   * change of the template neither resizes the bucket nor what its team is counted for); null: the
   * storage adapter's default, if any.
   */
  @Column(name = "bucket_quota_gib", updatable = false)
  private Integer bucketQuotaGiB;

  private boolean datahub;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Retention retention;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private WorkspaceStatus status;

  @Column(name = "status_reason")
  private String statusReason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /**
   * Which run of its operations the workspace is in: steps are kept per (run, operation), so an
   * operation that can happen again (stop, start) gets fresh steps in a new run while a retry
   * continues the steps of the current one.
   */
  @Column(nullable = false)
  private int run = 1;

  @Version private long version;

  protected Workspace() {}

  Workspace(
      String name,
      String description,
      String owner,
      UUID templateId,
      int workers,
      Integer bucketQuotaGiB,
      boolean datahub,
      Retention retention,
      Instant expiresAt,
      Instant now) {
    this.id = UUID.randomUUID();
    this.bucketQuotaGiB = bucketQuotaGiB;
    this.name = name;
    this.description = description;
    this.owner = owner;
    this.templateId = templateId;
    this.workers = workers;
    this.datahub = datahub;
    this.retention = retention;
    this.expiresAt = expiresAt;
    this.status = WorkspaceStatus.PENDING_APPROVAL;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** The hard quota of its bucket in GiB; null: the storage's default, if any. */
  Integer bucketQuotaGiB() {
    return bucketQuotaGiB;
  }

  /** The history row for the creation itself. */
  Transition created(String actor) {
    return new Transition(id, null, status, actor, null, createdAt);
  }

  /**
   * Moves to {@code target} if the lifecycle allows it.
   *
   * @param operation what the caller tried, in words, for the error message ("approved", "deleted")
   */
  Transition moveTo(
      WorkspaceStatus target, String operation, String actor, String reason, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(name, status, operation);
    }
    String clipped =
        reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    Transition transition = new Transition(id, status, target, actor, clipped, now);
    boolean freshRun =
        Operation.runningIn(target).filter(Operation::repeatable).isPresent()
            && status != WorkspaceStatus.FAILED
            && !target.equals(status);
    if (freshRun) {
      run++; // stopped or started again: new steps; a retry after a failure continues the old ones
    }
    this.status = target;
    this.statusReason = clipped;
    this.updatedAt = now;
    return transition;
  }

  /** Moves the expiry to a later one (an approved extension). */
  public void extendTo(Instant expiresAt, Instant now) {
    this.expiresAt = expiresAt;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  /** The number of workers from now on; the resize operation makes the cluster match it. */
  void resize(int newWorkers) {
    this.workers = newWorkers;
  }

  public int run() {
    return run;
  }

  /** What its steps need to know, detached from JPA; {@code template} is its template. */
  public WorkspaceFacts facts(WorkspaceTemplate template) {
    return new WorkspaceFacts(
        id,
        name,
        owner,
        templateId,
        workers,
        template.workerCores(),
        template.workerMemoryMb(),
        datahub,
        retention,
        template.cluster(),
        false,
        template.cluster() && template.keepsAPoolFor(workers, datahub),
        bucketQuotaGiB);
  }

  public String name() {
    return name;
  }

  String description() {
    return description;
  }

  public String owner() {
    return owner;
  }

  public UUID templateId() {
    return templateId;
  }

  int workers() {
    return workers;
  }

  boolean datahub() {
    return datahub;
  }

  Retention retention() {
    return retention;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public WorkspaceStatus status() {
    return status;
  }

  public String statusReason() {
    return statusReason;
  }

  Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
