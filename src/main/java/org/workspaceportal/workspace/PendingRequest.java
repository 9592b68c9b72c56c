package org.workspaceportal.workspace;

import org.workspaceportal.workspace.quota.Quota;

/** A request waiting for approval, with its owner's usage against quota as an approver needs it. */
public record PendingRequest(WorkspaceView workspace, Quota ownerQuota) {

  public boolean fitsQuota() {
    return ownerQuota.allows(workspace.workers());
  }
}
