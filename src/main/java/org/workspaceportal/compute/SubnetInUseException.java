package org.workspaceportal.compute;

/**
 * The engine refused a network because its subnet overlaps one of the engine's networks that the
 * caller did not know of (one another portal, an earlier installation or an admin made). Transient:
 * the caller chooses another subnet and tries again.
 */
public class SubnetInUseException extends ComputeException {

  private final String subnet;

  public SubnetInUseException(String message, String subnet, Throwable cause) {
    super(message, true, cause);
    this.subnet = subnet;
  }

  /** The subnet that was refused. */
  public String subnet() {
    return subnet;
  }
}
