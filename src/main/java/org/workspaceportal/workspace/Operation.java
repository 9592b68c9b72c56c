package org.workspaceportal.workspace;

import java.util.Arrays;
import java.util.Optional;
import org.workspaceportal.workspace.engine.StepKind;

/**
 * A kind of background work on a workspace: the status that queues it, the status while it runs,
 * the status it ends in, and how its failure is told. Its steps are the {@link StepKind}s that name
 * it, in declaration order.
 */
public enum Operation {
  PROVISION(
      WorkspaceStatus.APPROVED,
      WorkspaceStatus.PROVISIONING,
      WorkspaceStatus.READY,
      "Provisioning",
      "An admin can retry it; deleting it cleans up what was made."),
  STOP(
      WorkspaceStatus.STOPPING,
      WorkspaceStatus.STOPPING,
      WorkspaceStatus.STOPPED,
      "Stopping",
      "Retry it, or delete the workspace."),
  START(
      WorkspaceStatus.STARTING,
      WorkspaceStatus.STARTING,
      WorkspaceStatus.READY,
      "Starting",
      "Retry it, or delete the workspace; its notebooks and data are kept."),
  RESIZE(
      WorkspaceStatus.RESIZING,
      WorkspaceStatus.RESIZING,
      WorkspaceStatus.READY,
      "Resizing",
      "Retry it, resize it again, or delete the workspace; its notebooks and data are kept."),
  REPAIR(
      WorkspaceStatus.REPAIRING,
      WorkspaceStatus.REPAIRING,
      WorkspaceStatus.READY,
      "Repair",
      "Press Repair to try again, or delete the workspace; its notebooks and data are kept."),
  /**
   * A stop that does not wait for the host that does not answer (its notebooks' last save is kept,
   * not a new one), then a start on hosts that answer: its steps are those of {@link #STOP}, then
   * those of {@link #START}.
   */
  MOVE(
      WorkspaceStatus.MOVING,
      WorkspaceStatus.MOVING,
      WorkspaceStatus.READY,
      "Moving",
      "Retry it, or delete the workspace; its data and its notebooks' last save are kept."),
  TEARDOWN(
      WorkspaceStatus.DELETING,
      WorkspaceStatus.DELETING,
      WorkspaceStatus.DELETED,
      "Deletion",
      "Delete it again to retry the cleanup.");

  private final WorkspaceStatus queued;
  private final WorkspaceStatus running;
  private final WorkspaceStatus done;
  private final String noun;
  private final String onFailure;

  Operation(
      WorkspaceStatus queued,
      WorkspaceStatus running,
      WorkspaceStatus done,
      String noun,
      String onFailure) {
    this.queued = queued;
    this.running = running;
    this.done = done;
    this.noun = noun;
    this.onFailure = onFailure;
  }

  /** What it is called in a sentence: "Provisioning", "Resizing", "Deletion". */
  public String noun() {
    return noun;
  }

  /** The operation a workspace in this status is waiting for or running, if any. */
  public static Optional<Operation> runningIn(WorkspaceStatus status) {
    return Arrays.stream(values())
        .filter(o -> o.queued == status || o.running == status)
        .findFirst();
  }

  /**
   * Whether moving to this status asks for work (approving, stopping, deleting…): its job is then
   * queued. The move from a queued status to the running one (APPROVED to PROVISIONING) is the
   * job's own and asks for nothing.
   */
  public static boolean queuedBy(WorkspaceStatus status) {
    return Arrays.stream(values()).anyMatch(o -> o.queued == status);
  }

  /**
   * An operation that can happen again to the same workspace (stop, start, resize) gets fresh steps
   * each time; one that happens once (provisioning, deletion) continues its steps on a retry.
   */
  boolean repeatable() {
    return this == STOP || this == START || this == RESIZE || this == REPAIR || this == MOVE;
  }

  /** The status while its steps run (a queued workspace moves there at its first step). */
  public WorkspaceStatus runningStatus() {
    return running;
  }

  /** The status once every step succeeded. */
  public WorkspaceStatus doneStatus() {
    return done;
  }

  /**
   * The status a step failing for good leaves the workspace in: a failed repair leaves it DEGRADED
   * (it still has everything it had, and can be repaired again); any other operation FAILED.
   */
  public WorkspaceStatus failedStatus() {
    return this == REPAIR ? WorkspaceStatus.DEGRADED : WorkspaceStatus.FAILED;
  }

  /** The reason a workspace gets when a step of this operation fails for good. */
  public String failureReason(String stepLabel, String message) {
    return noun + " failed at '" + stepLabel + "': " + message + " " + onFailure;
  }
}
