package org.workspaceportal.flashbladesim;

import java.util.Set;

/**
 * The hard quotas an S3 write into one bucket must stay within, read from the registry before the
 * write: the bucket's own and its account's. A quota whose {@code hard_limit_enabled} is false is a
 * soft one, which the array reports but does not enforce; it is {@code null} here.
 *
 * @param bucketLimit bytes the bucket may hold, or {@code null} for no hard limit
 * @param accountLimit bytes the account's live buckets may hold together, or {@code null}
 * @param accountBuckets the account's live buckets (the written one among them) when {@code
 *     accountLimit} is set, else empty
 */
record HardQuotas(
    String bucket,
    Long bucketLimit,
    String account,
    Long accountLimit,
    Set<String> accountBuckets) {

  HardQuotas {
    accountBuckets = Set.copyOf(accountBuckets);
  }

  static HardQuotas none(String bucket) {
    return new HardQuotas(bucket, null, null, null, Set.of());
  }
}
