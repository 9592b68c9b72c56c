package org.workspaceportal.storage.flashblade;

/**
 * A bucket as {@code GET /buckets} returns it. {@code quotaLimit} is a number here (null = none)
 * but a string in requests, hence the separate {@link BucketPost}.
 */
record BucketItem(
    String name, NamedRef account, Boolean destroyed, Long timeRemaining, Long quotaLimit) {

  boolean isDestroyed() {
    return Boolean.TRUE.equals(destroyed);
  }

  String accountName() {
    return account == null ? null : account.name();
  }
}
