package org.workspaceportal.workspace.web;

import java.time.Duration;
import java.time.Instant;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.WorkspaceView.HistoryEntry;

/**
 * What a deleted workspace's page says instead of its parts: when it was removed and by whom, and
 * whether its data can still be recovered, until when.
 *
 * @param deletedAt when the clean-up ended (the move to DELETED)
 * @param deletedBy who asked for the deletion (the portal for an expired workspace)
 * @param withdrawn true for a request that never got approved: nothing was ever created
 * @param recoverableUntil until when a storage admin can recover its destroyed bucket (and
 *     datahub); null unless its retention was DESTROY and the delay is known
 * @param recoverable true while that date is still ahead
 */
record Tombstone(
    Instant deletedAt,
    String deletedBy,
    boolean withdrawn,
    Instant recoverableUntil,
    boolean recoverable) {

  /** Null unless the workspace is DELETED. */
  static Tombstone of(WorkspaceView ws, Duration recoverableFor, Instant now) {
    if (ws.status() != WorkspaceStatus.DELETED) {
      return null;
    }
    Instant deletedAt = ws.updatedAt();
    String deletedBy = null;
    boolean withdrawn = false;
    for (HistoryEntry h : ws.history()) {
      if (h.to() == WorkspaceStatus.DELETED) {
        deletedAt = h.at();
        withdrawn |=
            h.from() == WorkspaceStatus.PENDING_APPROVAL || h.from() == WorkspaceStatus.REJECTED;
        if (deletedBy == null) {
          deletedBy = h.actor();
        }
      } else if (h.to() == WorkspaceStatus.DELETING) {
        deletedBy = h.actor();
      }
    }
    Instant until =
        ws.retention() == Retention.DESTROY && recoverableFor != null && !withdrawn
            ? deletedAt.plus(recoverableFor)
            : null;
    return new Tombstone(
        deletedAt, deletedBy, withdrawn, until, until != null && now.isBefore(until));
  }
}
