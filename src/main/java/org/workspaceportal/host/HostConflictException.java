package org.workspaceportal.host;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** The host cannot change that way now: its name is taken, or workspaces still run on it. */
public class HostConflictException extends PortalException {

  private HostConflictException(String type, String title, String detail) {
    super(HttpStatus.CONFLICT, type, title, detail);
  }

  static HostConflictException nameTaken(String name) {
    return new HostConflictException(
        "host-name-taken", "Name taken", "A host named '" + name + "' is already registered.");
  }

  static HostConflictException inUse(String name, long workspaces) {
    return new HostConflictException(
        "host-in-use",
        "Host in use",
        "Host '"
            + name
            + "' still runs "
            + workspaces
            + (workspaces == 1 ? " workspace" : " workspaces")
            + ". Drain it so that it gets no new ones, and remove it once they are deleted.");
  }
}
