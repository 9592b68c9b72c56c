package org.workspaceportal.workspace;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a workspace. Each status lists where it may go next; {@link Workspace} refuses
 * anything else with an {@link IllegalTransitionException} (a 409), never a silent no-op.
 */
public enum WorkspaceStatus {
  PENDING_APPROVAL,
  REJECTED,
  APPROVED,
  PROVISIONING,
  READY,
  STOPPING,
  STOPPED,
  STARTING,
  RESIZING,
  FAILED,
  /** Ready, but a container of its cluster died or vanished (the reason names which). */
  DEGRADED,
  /** Its missing containers are being recreated from the recorded spec. */
  REPAIRING,
  /** A host of its cluster does not answer; it comes back by itself when the host does. */
  UNREACHABLE,
  /**
   * Was UNREACHABLE and its owner chose to leave the silent host: its cluster is removed where the
   * engines answer and starts anew on hosts that answer, from its notebooks' last save.
   */
  MOVING,
  DELETING,
  DELETED;

  private static final Map<WorkspaceStatus, Set<WorkspaceStatus>> NEXT =
      Map.ofEntries(
          Map.entry(PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, DELETED)),
          Map.entry(REJECTED, EnumSet.of(DELETED)),
          Map.entry(APPROVED, EnumSet.of(PROVISIONING, FAILED, DELETING)),
          Map.entry(PROVISIONING, EnumSet.of(READY, FAILED, DELETING)),
          Map.entry(READY, EnumSet.of(STOPPING, RESIZING, FAILED, DEGRADED, UNREACHABLE, DELETING)),
          Map.entry(STOPPING, EnumSet.of(STOPPED, FAILED, DELETING)),
          Map.entry(STOPPED, EnumSet.of(STARTING, DELETING)),
          Map.entry(STARTING, EnumSet.of(READY, FAILED, DELETING)),
          Map.entry(RESIZING, EnumSet.of(READY, FAILED, DELETING)),
          // a retry goes back to the operation that failed
          Map.entry(FAILED, EnumSet.of(APPROVED, STARTING, STOPPING, RESIZING, MOVING, DELETING)),
          // the reconciler's moves: a repair that fails leaves it DEGRADED, never FAILED
          Map.entry(DEGRADED, EnumSet.of(REPAIRING, UNREACHABLE, STOPPING, DELETING)),
          Map.entry(REPAIRING, EnumSet.of(READY, DEGRADED, DELETING)),
          Map.entry(UNREACHABLE, EnumSet.of(READY, DEGRADED, MOVING, DELETING)),
          Map.entry(MOVING, EnumSet.of(READY, FAILED, DELETING)),
          Map.entry(DELETING, EnumSet.of(DELETED, FAILED)),
          Map.entry(DELETED, EnumSet.noneOf(WorkspaceStatus.class)));

  public boolean canMoveTo(WorkspaceStatus target) {
    return NEXT.get(this).contains(target);
  }

  /** Counts against the owner's quota and holds its name. */
  public boolean isLive() {
    return this != REJECTED && this != DELETED;
  }

  /** Every status for which {@link #isLive()} holds. */
  public static EnumSet<WorkspaceStatus> live() {
    EnumSet<WorkspaceStatus> live = EnumSet.allOf(WorkspaceStatus.class);
    live.removeIf(s -> !s.isLive());
    return live;
  }

  /** Nothing will ever happen to it again. */
  public boolean isTerminal() {
    return this == DELETED;
  }

  /** Some background work (an {@link Operation}) is running or queued for it. */
  public boolean isBusy() {
    return Operation.runningIn(this).isPresent();
  }

  /** Every status for which {@link #isBusy()} holds. */
  public static EnumSet<WorkspaceStatus> busy() {
    EnumSet<WorkspaceStatus> busy = EnumSet.allOf(WorkspaceStatus.class);
    busy.removeIf(s -> !s.isBusy());
    return busy;
  }
}
