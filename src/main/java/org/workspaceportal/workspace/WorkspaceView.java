package org.workspaceportal.workspace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.workspaceportal.storage.Retention;

/**
 * Read model of a workspace, for pages and the API alike.
 *
 * @param cluster its Spark cluster once placed; null before, in lists, and for storage-only
 *     workspaces
 */
public record WorkspaceView(
    UUID id,
    String name,
    String description,
    String owner,
    String template,
    int workers,
    boolean datahub,
    Retention retention,
    Instant expiresAt,
    WorkspaceStatus status,
    String statusReason,
    Instant createdAt,
    Instant updatedAt,
    List<HistoryEntry> history,
    List<StepView> steps,
    ClusterView cluster) {

  /**
   * True when it failed while being deleted: the way forward is to delete it again, not to retry.
   */
  public boolean failedDuringDeletion() {
    return status == WorkspaceStatus.FAILED
        && steps.stream().anyMatch(s -> s.operation() == Operation.TEARDOWN);
  }

  /**
   * Why the portal itself stopped it (expiry, idle), if it did: the reason of its latest stop when
   * that was the portal's; null otherwise.
   */
  public String stopNote() {
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEntry h = history.get(i);
      if (h.to() == WorkspaceStatus.STOPPING) {
        return WorkspaceTransitions.PORTAL.equals(h.actor()) ? h.reason() : null;
      }
    }
    return null;
  }

  /** One lifecycle transition. {@code from} is null for the creation. */
  public record HistoryEntry(
      WorkspaceStatus from, WorkspaceStatus to, String actor, String reason, Instant at) {}
}
