package org.workspaceportal.workspace.runtime;

import org.workspaceportal.common.ExternalSystemException;

/** A cluster did not do what it should (a role exited), in words for people. */
public class RuntimeFailure extends ExternalSystemException {

  public RuntimeFailure(String message, boolean transientFailure) {
    super(message, transientFailure, null);
  }
}
