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
  STOPPED,
  FAILED,
  DELETING,
  DELETED;

  private static final Map<WorkspaceStatus, Set<WorkspaceStatus>> NEXT =
      Map.of(
          PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, DELETED),
          REJECTED, EnumSet.of(DELETED),
          APPROVED, EnumSet.of(PROVISIONING, FAILED, DELETING),
          PROVISIONING, EnumSet.of(READY, FAILED, DELETING),
          READY, EnumSet.of(STOPPED, FAILED, DELETING),
          STOPPED, EnumSet.of(READY, DELETING),
          FAILED, EnumSet.of(APPROVED, DELETING),
          DELETING, EnumSet.of(DELETED, FAILED),
          DELETED, EnumSet.noneOf(WorkspaceStatus.class));

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
