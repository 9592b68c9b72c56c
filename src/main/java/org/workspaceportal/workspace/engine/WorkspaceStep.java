package org.workspaceportal.workspace.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.workspaceportal.workspace.Operation;

/** One durable step of a workspace's provisioning or teardown. */
@Entity
@Table(name = "workspace_steps")
public class WorkspaceStep {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private UUID workspaceId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private Operation operation;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private StepKind kind;

  @Column(nullable = false, updatable = false)
  private int run;

  @Column(nullable = false)
  private int ordinal;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private StepStatus status;

  private int attempts;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  private String error;

  @Column(name = "waiting_since")
  private Instant waitingSince;

  /** What a waiting step waits for, in words. */
  @Column(name = "waiting_for")
  private String waitingFor;

  protected WorkspaceStep() {}

  WorkspaceStep(UUID workspaceId, int run, Operation operation, StepKind kind, int ordinal) {
    this.workspaceId = workspaceId;
    this.run = run;
    this.operation = operation;
    this.kind = kind;
    this.ordinal = ordinal;
    this.status = StepStatus.PENDING;
  }

  void start(Instant now) {
    status = StepStatus.RUNNING;
    attempts++;
    startedAt = now;
    finishedAt = null;
  }

  void succeed(Instant now) {
    status = StepStatus.SUCCEEDED;
    finishedAt = now;
    error = null;
    waitingFor = null;
  }

  /**
   * The attempt found something not ready yet: it does not count as an attempt, and the step
   * remembers since when it waits (for its deadline) and for what (for people).
   */
  void waitFor(String reason, Instant now) {
    if (status != StepStatus.WAITING) {
      // given back once per attempt: a poll records its wait again and again within one attempt
      attempts = Math.max(attempts - 1, 0);
    }
    status = StepStatus.WAITING;
    if (waitingSince == null) {
      waitingSince = now;
    }
    waitingFor = clip(reason);
  }

  /** A transient failure: the step stays runnable and keeps the error for people to see. */
  void retryLater(String message, Instant now) {
    status = StepStatus.PENDING;
    finishedAt = now;
    error = clip(message);
  }

  void fail(String message, Instant now) {
    status = StepStatus.FAILED;
    finishedAt = now;
    error = clip(message);
    waitingFor = null;
  }

  /** Another try after a failure: start counting attempts and waiting again. */
  void reset() {
    status = StepStatus.PENDING;
    attempts = 0;
    waitingSince = null;
    waitingFor = null;
  }

  public Long id() {
    return id;
  }

  public UUID workspaceId() {
    return workspaceId;
  }

  public StepKind kind() {
    return kind;
  }

  public StepStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public String error() {
    return error;
  }

  public Operation operation() {
    return operation;
  }

  public int run() {
    return run;
  }

  public Instant waitingSince() {
    return waitingSince;
  }

  public String waitingFor() {
    return waitingFor;
  }

  private static String clip(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 2000);
  }
}
