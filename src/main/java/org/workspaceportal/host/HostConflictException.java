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

  static HostConflictException inUse(String name, long workspaces, long poolClusters) {
    String detail =
        workspaces > 0
            ? workspaces
                + (workspaces == 1 ? " workspace" : " workspaces")
                + ". Drain it so that it gets no new ones, and remove it once they are deleted."
            : poolClusters
                + (poolClusters == 1 ? " warm-pool cluster" : " warm-pool clusters")
                + ". Drain it: the pool manager then removes them (and starts them elsewhere)"
                + " within seconds, and the host can be removed.";
    return new HostConflictException(
        "host-in-use", "Host in use", "Host '" + name + "' still runs " + detail);
  }
}
