package org.workspaceportal.workspace.data;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** The workspace has no usable credentials (yet, or any more): 409. */
public class CredentialsNotAvailableException extends PortalException {

  public CredentialsNotAvailableException(String name) {
    super(
        HttpStatus.CONFLICT,
        "credentials-not-available",
        "No credentials",
        "Workspace '"
            + name
            + "' has no usable S3 credentials; they are available while it is READY or STOPPED.");
  }
}
