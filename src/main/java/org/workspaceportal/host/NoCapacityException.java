package org.workspaceportal.host;

import org.springframework.http.HttpStatus;
import org.workspaceportal.common.PortalException;

/**
 * The hosts have not enough room for a workspace: now, or ever. The message names what is short.
 */
public class NoCapacityException extends PortalException {

  private final boolean ever;

  NoCapacityException(String detail, boolean ever) {
    super(HttpStatus.CONFLICT, "no-capacity", "Not enough capacity", detail);
    this.ever = ever;
  }

  /** True when the workspace can never fit on the registered hosts, even if all were free. */
  public boolean never() {
    return ever;
  }
}
