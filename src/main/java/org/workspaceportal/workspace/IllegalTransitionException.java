package org.workspaceportal.workspace;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** The workspace is not in a status that allows the requested operation: 409. */
public class IllegalTransitionException extends PortalException {

  public IllegalTransitionException(String name, WorkspaceStatus from, String operation) {
    super(
        HttpStatus.CONFLICT,
        "illegal-transition",
        "Operation not allowed now",
        "Workspace '" + name + "' is " + from + "; it cannot be " + operation + " in that status.");
  }
}
