package org.workspaceportal.workspace;

import org.workspaceportal.workspace.quota.Quota;

/**
 * A request waiting for approval, with its owner's usage against quota as an approver needs it.
 *
 * @param room whether its cluster would get room on the hosts now; null for a workspace without a
 *     cluster
 */
public record PendingRequest(WorkspaceView workspace, Quota ownerQuota, Room room) {

  public PendingRequest(WorkspaceView workspace, Quota ownerQuota) {
    this(workspace, ownerQuota, null);
  }

  public boolean fitsQuota() {
    return ownerQuota.allows(workspace.workers(), workspace.bucketQuotaGiB());
  }

  /**
   * Room on the hosts for a cluster, as it is now.
   *
   * @param shortage null when it fits now; else why it would wait ("needs 3 cores and 5.0 GB …")
   */
  public record Room(String shortage) {

    public boolean fitsNow() {
      return shortage == null;
    }
  }
}
