package org.workspaceportal.flashbladesim;

import java.util.List;

/** {@code /api/2.x/object-store-accounts}. */
final class AccountsResource implements ApiResource {

  /** Account quotas and bucket defaults arrived with REST 2.8. */
  private static final int QUOTA_MINOR = 8;

  private final SimulatorState state;
  private final AccountRegistry accounts;
  private final BucketRegistry buckets;
  private final Listing listing;

  AccountsResource(
      SimulatorState state, AccountRegistry accounts, BucketRegistry buckets, Listing listing) {
    this.state = state;
    this.accounts = accounts;
    this.buckets = buckets;
    this.listing = listing;
  }

  record Post(String quotaLimit, Boolean hardLimitEnabled, BucketDefaults bucketDefaults) {}

  record BucketDefaults(String quotaLimit, Boolean hardLimitEnabled) {}

  record Item(
      String id,
      String name,
      long created,
      long objectCount,
      ApiSpace space,
      Long quotaLimit,
      boolean hardLimitEnabled,
      ItemBucketDefaults bucketDefaults) {}

  record ItemBucketDefaults(Long quotaLimit, boolean hardLimitEnabled) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<StoredAccount> selected =
        state.select(state.accounts, request.names(), "Object store account");
    return listing.respond(
        request, selected.stream().map(this::item).toList(), Totals.OBJECT_STORE);
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    Post body = request.body(Post.class, false);
    request.requireVersion(QUOTA_MINOR, "quota_limit", body.quotaLimit());
    request.requireVersion(QUOTA_MINOR, "hard_limit_enabled", body.hardLimitEnabled());
    request.requireVersion(QUOTA_MINOR, "bucket_defaults", body.bucketDefaults());
    Long quota = Lookups.parseQuota("quota_limit", body.quotaLimit());
    boolean hardLimit = Boolean.TRUE.equals(body.hardLimitEnabled());
    return ApiResponse.items(
        accounts.createAccounts(request.names(), quota, hardLimit).stream()
            .map(this::item)
            .toList());
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    accounts.deleteAccounts(request.names());
    return ApiResponse.noContent();
  }

  private Item item(StoredAccount account) {
    List<StoredBucket> live;
    synchronized (state) {
      live =
          state.buckets.values().stream()
              .filter(b -> b.account().equals(account.name()) && !b.isDestroyed())
              .toList();
    }
    long objects = live.stream().mapToLong(buckets::objectCount).sum();
    long bytes = live.stream().mapToLong(buckets::bytesStored).sum();
    return new Item(
        account.id(),
        account.name(),
        account.created(),
        objects,
        ApiSpace.stored(bytes),
        account.quotaLimit(),
        account.hardLimitEnabled(),
        new ItemBucketDefaults(null, false));
  }
}
