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
  DELETING,
  DELETED;

  private static final Map<WorkspaceStatus, Set<WorkspaceStatus>> NEXT =
      Map.ofEntries(
          Map.entry(PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, DELETED)),
          Map.entry(REJECTED, EnumSet.of(DELETED)),
          Map.entry(APPROVED, EnumSet.of(PROVISIONING, FAILED, DELETING)),
          Map.entry(PROVISIONING, EnumSet.of(READY, FAILED, DELETING)),
          Map.entry(READY, EnumSet.of(STOPPING, RESIZING, FAILED, DELETING)),
          Map.entry(STOPPING, EnumSet.of(STOPPED, FAILED, DELETING)),
          Map.entry(STOPPED, EnumSet.of(STARTING, DELETING)),
          Map.entry(STARTING, EnumSet.of(READY, FAILED, DELETING)),
          Map.entry(RESIZING, EnumSet.of(READY, FAILED, DELETING)),
          // a retry goes back to the operation that failed
          Map.entry(FAILED, EnumSet.of(APPROVED, STARTING, STOPPING, RESIZING, DELETING)),
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
