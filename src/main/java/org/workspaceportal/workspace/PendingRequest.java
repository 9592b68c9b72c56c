package org.workspaceportal.workspace;

/** A request waiting for approval, with its owner's usage against quota as an approver needs it. */
public record PendingRequest(WorkspaceView workspace, Quota ownerQuota) {

  public boolean fitsQuota() {
    return ownerQuota.allows(workspace.workers());
  }
}
