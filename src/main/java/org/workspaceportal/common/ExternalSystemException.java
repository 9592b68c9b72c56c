package org.workspaceportal.common;

/**
 * A call to a system outside the portal (the storage array, a Docker engine) failed. Every adapter
 * translates its vendor's errors into a subclass of this, so that whoever orchestrates the call
 * (the provisioning engine, a health check) can decide without knowing the adapter: {@link
 * #isTransient()} says whether trying again later may succeed (timeouts, overload, a restarting
 * engine) or not (refused, invalid, missing). The message is written for people and never contains
 * a secret.
 */
public abstract class ExternalSystemException extends RuntimeException {

  private final boolean transientFailure;

  protected ExternalSystemException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
