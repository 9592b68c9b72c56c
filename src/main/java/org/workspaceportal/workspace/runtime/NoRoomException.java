package org.workspaceportal.workspace.runtime;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/** There is not enough room for a cluster: now, or ever. The message names what is short. */
public class NoRoomException extends PortalException {

  private final boolean never;

  public NoRoomException(String detail, boolean never) {
    super(HttpStatus.CONFLICT, "no-capacity", "Not enough capacity", detail);
    this.never = never;
  }

  /** True when the cluster could never run, even if every resource were free. */
  public boolean never() {
    return never;
  }
}
