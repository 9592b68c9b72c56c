package org.workspaceportal.storage;

import java.time.Duration;
import org.workspaceportal.common.ExternalSystemException;

/**
 * A storage operation failed. {@link #isTransient()} says whether trying again later may succeed
 * (timeouts, 429, 5xx) or not (refused, invalid, limits). The message is written for people and
 * never contains a secret.
 */
public class StorageException extends ExternalSystemException {

  public StorageException(String message, boolean transientFailure, Throwable cause) {
    super(message, transientFailure, cause);
  }

  public StorageException(
      String message, boolean transientFailure, Throwable cause, Duration retryAfter) {
    super(message, transientFailure, cause, retryAfter);
  }

  public StorageException(String message, boolean transientFailure) {
    this(message, transientFailure, null);
  }
}
