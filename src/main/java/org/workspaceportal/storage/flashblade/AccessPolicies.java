package org.workspaceportal.storage.flashblade;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.StorageException;

/**
 * The object-store access policies of a workspace's user: exactly the built-in ones its key needs
 * on the buckets of its account, which is the workspace's own, and none that creates or deletes a
 * bucket. A key that could create buckets would leave them behind a delete, where they keep the
 * account and its data alive; one that could delete its bucket could throw away what the
 * workspace's retention choice says to keep.
 *
 * <p>The set follows what uses the key: Spark's S3A (hadoop-aws 3.4.1) lists, reads (GET, HEAD),
 * writes (PUT, copies, multipart uploads, which Pure's object-write covers, aborts included) and
 * deletes objects (DeleteObject, DeleteObjects); the portal's own check writes, reads and deletes
 * one object. S3A calls HeadBucket only for its optional bucket probe ({@code fs.s3a.bucket.probe},
 * off by default) and for the region, which the portal configures, and never ListBuckets;
 * bucket-info is granted anyway so that notebooks and tools may ask whether the bucket exists and
 * where it is (HeadBucket, GetBucketLocation). bucket-list is not granted: nothing that uses the
 * key needs it, and a workspace knows the name of its bucket.
 *
 * <p>The memberships exist from REST 2.0 (Pure's client has {@code
 * object_store_access_policies_api} in FB_2_0), so every version this adapter speaks has them.
 */
final class AccessPolicies {

  static final List<String> WORKSPACE_USER =
      List.of(
          "pure:policy/object-list",
          "pure:policy/object-read",
          "pure:policy/object-write",
          "pure:policy/object-delete",
          "pure:policy/bucket-info");

  private static final String RESOURCE = "object-store-access-policies/object-store-users";
  private static final Logger log = LoggerFactory.getLogger(AccessPolicies.class);

  private final FlashBladeApi api;

  AccessPolicies(FlashBladeApi api) {
    this.api = api;
  }

  /**
   * Makes the user hold exactly {@link #WORKSPACE_USER}: revokes what it must not hold (the
   * full-access policy some arrays attach to a new user, or one from an older portal), grants what
   * is missing, and then proves the result by listing the memberships again. Every step looks
   * first, so a retry after a crash or a lost answer finds what the last attempt did.
   */
  void ensureWorkspaceUser(String user) {
    Set<String> held = held(user);
    for (String extra : held) {
      if (!WORKSPACE_USER.contains(extra)) {
        revoke(user, extra);
      }
    }
    List<String> missing = WORKSPACE_USER.stream().filter(p -> !held.contains(p)).toList();
    if (!missing.isEmpty()) {
      grant(user, missing);
    }
    Set<String> now = held(user);
    if (!now.equals(Set.copyOf(WORKSPACE_USER))) {
      throw new StorageException(
          "FlashBlade object-store user '"
              + user
              + "' holds the access policies "
              + sorted(now)
              + " after the portal granted "
              + sorted(Set.copyOf(WORKSPACE_USER))
              + " and revoked the rest; its key would not have the access the workspace needs",
          false);
    }
  }

  private Set<String> held(String user) {
    List<PolicyMemberItem> members;
    try {
      members =
          api.list(
              RESOURCE,
              Map.of("member_names", user),
              PolicyMemberItem.class,
              "list the access policies of object-store user '" + user + "'");
    } catch (FlashBladeRefusal refusal) {
      if (refusal.status() == 404) {
        // a path the array does not know; the portal will not fall back to full access
        throw new StorageException(
            "FlashBlade REST "
                + api.version()
                + " offers no object-store access policies ("
                + refusal.getMessage()
                + "); the portal needs them to let a workspace's key use its bucket without"
                + " creating buckets",
            false,
            refusal);
      }
      throw refusal;
    }
    return members.stream()
        .filter(m -> m.member() != null && user.equals(m.member().name()))
        .map(m -> m.policy() == null ? null : m.policy().name())
        .filter(name -> name != null)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Grants the policies in one call ({@code policy_names} takes a list). The array refuses the
   * whole call when the user holds one of them already (granted meanwhile by another instance, or
   * by an attempt whose answer was lost): then each is granted on its own, and the listing
   * afterwards says whether the user holds them all.
   */
  private void grant(String user, List<String> policies) {
    if (policies.size() > 1 && tryGrant(user, String.join(",", policies))) {
      log.info("Granted FlashBlade access policies {} to object-store user '{}'", policies, user);
      return;
    }
    for (String policy : policies) {
      if (tryGrant(user, policy)) {
        log.info("Granted FlashBlade access policy {} to object-store user '{}'", policy, user);
      }
    }
  }

  /** Whether the call granted {@code policyNames}; false when the user held one already. */
  private boolean tryGrant(String user, String policyNames) {
    try {
      api.post(
          RESOURCE,
          Map.of("member_names", user, "policy_names", policyNames),
          null,
          PolicyMemberItem.class,
          "grant access policies " + policyNames + " to object-store user '" + user + "'");
      return true;
    } catch (FlashBladeRefusal refusal) {
      if (!refusal.saysAlreadyExists()) {
        throw refusal;
      }
      return false;
    }
  }

  private void revoke(String user, String policy) {
    try {
      api.delete(
          RESOURCE,
          Map.of("member_names", user, "policy_names", policy),
          "revoke access policy " + policy + " from object-store user '" + user + "'");
      log.info("Revoked FlashBlade access policy {} from object-store user '{}'", policy, user);
    } catch (FlashBladeRefusal refusal) {
      if (!refusal.saysDoesNotExist()) {
        throw refusal;
      }
    }
  }

  private static String sorted(Set<String> policies) {
    return policies.stream().sorted().toList().toString();
  }
}
