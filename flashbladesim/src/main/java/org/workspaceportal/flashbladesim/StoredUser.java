package org.workspaceportal.flashbladesim;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An object-store user, named {@code account/user}, and the names of the access policies it holds
 * in the order they were granted.
 *
 * @param fullAccess whether {@code policies} holds {@code pure:policy/full-access}; derived, and
 *     kept because state files written before access policies were simulated have nothing else: a
 *     user read from one without {@code policies} holds full-access exactly when this is true
 */
record StoredUser(
    String id,
    String name,
    String account,
    long created,
    boolean fullAccess,
    List<String> policies) {

  private static final String FULL_ACCESS = AccessPolicy.FULL_ACCESS.policyName();

  StoredUser {
    policies =
        policies != null ? List.copyOf(policies) : fullAccess ? List.of(FULL_ACCESS) : List.of();
    fullAccess = policies.contains(FULL_ACCESS);
  }

  static StoredUser created(String id, String name, String account, long created, boolean full) {
    return new StoredUser(id, name, account, created, full, null);
  }

  StoredUser withPolicies(List<String> newPolicies) {
    return new StoredUser(id, name, account, created, false, newPolicies);
  }

  /** The policies as the S3 data plane checks them; names it does not know grant nothing. */
  Set<AccessPolicy> grants() {
    Set<AccessPolicy> grants = EnumSet.noneOf(AccessPolicy.class);
    policies.forEach(name -> AccessPolicy.named(name).ifPresent(grants::add));
    return grants;
  }
}
