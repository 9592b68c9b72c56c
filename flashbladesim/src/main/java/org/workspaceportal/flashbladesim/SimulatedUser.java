package org.workspaceportal.flashbladesim;

import java.util.List;

/**
 * An object-store user ({@code account/user}), the names of the access policies it holds (e.g.
 * {@code pure:policy/object-read}) and the IDs of its access keys, as a test sees them.
 */
public record SimulatedUser(
    String name, String account, List<String> policies, List<String> accessKeyIds) {

  public SimulatedUser {
    policies = List.copyOf(policies);
    accessKeyIds = List.copyOf(accessKeyIds);
  }

  /** Whether the user holds {@code pure:policy/full-access}, which allows every S3 call. */
  public boolean fullAccess() {
    return policies.contains(AccessPolicy.FULL_ACCESS.policyName());
  }
}
