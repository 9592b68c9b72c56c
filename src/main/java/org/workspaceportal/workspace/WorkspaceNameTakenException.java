package org.workspaceportal.workspace;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** The owner already has a live workspace with that name: 409. */
public class WorkspaceNameTakenException extends PortalException {

  public WorkspaceNameTakenException(String name) {
    super(
        HttpStatus.CONFLICT,
        "name-taken",
        "Name taken",
        "You already have a workspace named '"
            + name
            + "'. Choose another name or delete the old one.");
  }
}
