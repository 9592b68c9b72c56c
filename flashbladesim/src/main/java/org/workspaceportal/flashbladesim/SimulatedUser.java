package org.workspaceportal.flashbladesim;

import java.util.List;

/**
 * An object-store user ({@code account/user}) and the IDs of its access keys, as a test sees them.
 */
public record SimulatedUser(
    String name, String account, boolean fullAccess, List<String> accessKeyIds) {

  public SimulatedUser {
    accessKeyIds = List.copyOf(accessKeyIds);
  }
}
