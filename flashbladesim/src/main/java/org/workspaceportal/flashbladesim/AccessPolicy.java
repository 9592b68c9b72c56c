package org.workspaceportal.flashbladesim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The array's built-in object-store access policies ({@code pure:policy/...}). Each allows one kind
 * of S3 call on the buckets of the user's own account; {@code full-access} allows every one. A user
 * holds them through memberships ({@code /object-store-access-policies/object-store-users}); which
 * S3 call needs which is {@link S3Operation}'s to say.
 */
enum AccessPolicy {
  FULL_ACCESS("full-access"),
  BUCKET_CREATE("bucket-create"),
  BUCKET_DELETE("bucket-delete"),
  BUCKET_INFO("bucket-info"),
  BUCKET_LIST("bucket-list"),
  OBJECT_DELETE("object-delete"),
  OBJECT_LIST("object-list"),
  OBJECT_READ("object-read"),
  OBJECT_WRITE("object-write");

  private static final String PREFIX = "pure:policy/";

  private final String policyName;
  private final String id;

  AccessPolicy(String shortName) {
    this.policyName = PREFIX + shortName;
    // built-in policies keep their ids; derived from the name, they survive a restart without
    // being stored
    this.id = UUID.nameUUIDFromBytes(policyName.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** The name the API uses, e.g. {@code pure:policy/object-read}. */
  String policyName() {
    return policyName;
  }

  String id() {
    return id;
  }

  static Optional<AccessPolicy> named(String name) {
    return Arrays.stream(values()).filter(p -> p.policyName.equals(name)).findFirst();
  }

  static Optional<AccessPolicy> withId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** Whether a user holding {@code held} may make a call that needs all of {@code needed}. */
  static boolean allow(Set<AccessPolicy> held, Set<AccessPolicy> needed) {
    return held.contains(FULL_ACCESS) || held.containsAll(needed);
  }
}
