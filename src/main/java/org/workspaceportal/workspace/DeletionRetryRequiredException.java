package org.workspaceportal.workspace;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/**
 * A workspace whose deletion failed is retried by deleting it again, not by provisioning it: 409.
 */
public class DeletionRetryRequiredException extends PortalException {

  public DeletionRetryRequiredException(String name) {
    super(
        HttpStatus.CONFLICT,
        "deletion-failed",
        "Deletion failed",
        "Workspace '"
            + name
            + "' failed while being deleted; delete it again to retry the cleanup.");
  }
}
