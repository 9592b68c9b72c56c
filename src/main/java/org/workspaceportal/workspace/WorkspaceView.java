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
 * @param bucketQuotaGiB its bucket's size (a hard quota on the array); null: the storage's default,
 *     if any
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
    ClusterView cluster,
    Integer bucketQuotaGiB) {

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

  /**
   * The steps of its latest operation only (the page's progress), in the order they run: older
   * operations' steps are history.
   */
  public List<StepView> currentSteps() {
    if (steps.isEmpty()) {
      return steps;
    }
    Operation last = steps.getLast().operation();
    return steps.stream().filter(s -> s.operation() == last).toList();
  }

  /** Its latest operation, null before any ran. */
  public Operation currentOperation() {
    return steps.isEmpty() ? null : steps.getLast().operation();
  }

  /** The placement that waits for room on the hosts now, if one does. */
  public StepView waitingForRoom() {
    return currentSteps().stream()
        .filter(
            s ->
                s.kind() == org.workspaceportal.workspace.engine.StepKind.PLACE
                    && s.status() == org.workspaceportal.workspace.engine.StepStatus.WAITING)
        .findFirst()
        .orElse(null);
  }

  /**
   * Its latest operation once every step of it succeeded: which, how long it took (from its first
   * step's start to its last step's end) and when it ended; null before any ran, while it runs and
   * after a failure. A page ends its banner with it ("Resized to 3 workers in 14 s").
   */
  public Finished lastFinished() {
    List<StepView> current = currentSteps();
    if (current.isEmpty()
        || current.stream()
            .anyMatch(
                s ->
                    s.status() != org.workspaceportal.workspace.engine.StepStatus.SUCCEEDED
                        || s.startedAt() == null
                        || s.finishedAt() == null)) {
      return null;
    }
    Instant start = current.stream().map(StepView::startedAt).min(Instant::compareTo).orElseThrow();
    Instant end = current.stream().map(StepView::finishedAt).max(Instant::compareTo).orElseThrow();
    return new Finished(currentOperation(), java.time.Duration.between(start, end).toMillis(), end);
  }

  /**
   * An operation that went through.
   *
   * @param tookMs from its first step's start to its last step's end
   * @param at when its last step ended
   */
  public record Finished(Operation operation, long tookMs, Instant at) {}

  /** One lifecycle transition. {@code from} is null for the creation. */
  public record HistoryEntry(
      WorkspaceStatus from, WorkspaceStatus to, String actor, String reason, Instant at) {}
}
