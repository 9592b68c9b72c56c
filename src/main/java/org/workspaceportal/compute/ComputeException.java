package org.workspaceportal.compute;

import org.workspaceportal.common.ExternalSystemException;

/**
 * A Docker engine could not be reached or refused what was asked. The message says what went wrong
 * in words an admin can act on ("connection refused", "certificate not trusted"); it never contains
 * a secret.
 */
public class ComputeException extends ExternalSystemException {

  public ComputeException(String message, boolean transientFailure, Throwable cause) {
    super(message, transientFailure, cause);
  }

  public ComputeException(String message, boolean transientFailure) {
    this(message, transientFailure, null);
  }
}
