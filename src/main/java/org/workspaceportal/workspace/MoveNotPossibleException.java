package org.workspaceportal.workspace;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/**
 * A workspace cannot be moved off its hosts now (it is not UNREACHABLE, or its hosts answer again):
 * 409, saying why.
 */
public class MoveNotPossibleException extends PortalException {

  public MoveNotPossibleException(String name, String why) {
    super(
        HttpStatus.CONFLICT,
        "move-not-possible",
        "Cannot move it now",
        "Workspace '" + name + "' cannot be moved to other hosts now: " + why);
  }
}
