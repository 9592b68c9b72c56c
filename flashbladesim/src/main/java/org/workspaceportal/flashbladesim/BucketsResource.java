package org.workspaceportal.flashbladesim;

import java.util.List;

/** {@code /api/2.x/buckets}: POST creates, PATCH destroys or recovers, DELETE eradicates. */
final class BucketsResource implements ApiResource {

  private static final int QUOTA_MINOR = 8;
  private static final int BUCKET_TYPE_MINOR = 12;

  /**
   * Time a destroyed bucket waits in the trash; the array's default eradication delay is one day.
   */
  private static final long ERADICATION_DELAY_MS = 24L * 60 * 60 * 1000;

  private final SimulatorState state;
  private final BucketRegistry buckets;
  private final Listing listing;

  BucketsResource(SimulatorState state, BucketRegistry buckets, Listing listing) {
    this.state = state;
    this.buckets = buckets;
    this.listing = listing;
  }

  record Post(
      ApiRef.Body account, String quotaLimit, Boolean hardLimitEnabled, String bucketType) {}

  record Patch(Boolean destroyed, String versioning, String quotaLimit, Boolean hardLimitEnabled) {}

  record Item(
      String id,
      String name,
      ApiRef account,
      long created,
      boolean destroyed,
      Long timeRemaining,
      long objectCount,
      ApiSpace space,
      String versioning,
      Long quotaLimit,
      boolean hardLimitEnabled,
      String bucketType) {}

  @Override
  public ApiResponse get(ApiRequest request) {
    List<StoredBucket> selected =
        Lookups.inDestroyedState(
            state.select(state.buckets, request.names(), "Bucket"),
            !request.names().isEmpty(),
            request.flag("destroyed"),
            StoredBucket::isDestroyed,
            StoredBucket::name,
            "Bucket");
    return listing.respond(
        request, selected.stream().map(this::item).toList(), Totals.OBJECT_STORE);
  }

  @Override
  public ApiResponse post(ApiRequest request) {
    Post body = request.body(Post.class, true);
    request.requireVersion(QUOTA_MINOR, "quota_limit", body.quotaLimit());
    request.requireVersion(QUOTA_MINOR, "hard_limit_enabled", body.hardLimitEnabled());
    request.requireVersion(BUCKET_TYPE_MINOR, "bucket_type", body.bucketType());
    String account = accountName(body.account());
    Long quota = Lookups.parseQuota("quota_limit", body.quotaLimit());
    List<StoredBucket> created =
        buckets.create(
            request.names(), account, quota, Boolean.TRUE.equals(body.hardLimitEnabled()));
    return ApiResponse.items(created.stream().map(this::item).toList());
  }

  @Override
  public ApiResponse patch(ApiRequest request) {
    Patch body = request.body(Patch.class, true);
    request.requireVersion(QUOTA_MINOR, "quota_limit", body.quotaLimit());
    request.requireVersion(QUOTA_MINOR, "hard_limit_enabled", body.hardLimitEnabled());
    var patch =
        new BucketPatch(
            body.destroyed(), body.versioning(), body.quotaLimit(), body.hardLimitEnabled());
    return ApiResponse.items(
        buckets.patch(request.names(), patch).stream().map(this::item).toList());
  }

  @Override
  public ApiResponse delete(ApiRequest request) {
    buckets.eradicate(request.names());
    return ApiResponse.noContent();
  }

  private String accountName(ApiRef.Body account) {
    if (account == null || (account.name() == null && account.id() == null)) {
      throw ApiException.badRequest("account", "Field 'account' with a name or id is required.");
    }
    if (account.name() != null) {
      return account.name();
    }
    synchronized (state) {
      return state.accounts.values().stream()
          .filter(a -> a.id().equals(account.id()))
          .findFirst()
          .map(StoredAccount::name)
          .orElseThrow(
              () -> ApiException.badRequest(account.id(), "Object store account does not exist."));
    }
  }

  private Item item(StoredBucket bucket) {
    String accountId;
    synchronized (state) {
      StoredAccount account = state.accounts.get(bucket.account());
      accountId = account == null ? null : account.id();
    }
    Long remaining =
        bucket.isDestroyed()
            ? Math.max(0, bucket.destroyedAt() + ERADICATION_DELAY_MS - state.now())
            : null;
    long objects = buckets.objectCount(bucket);
    return new Item(
        bucket.id(),
        bucket.name(),
        new ApiRef(bucket.account(), accountId),
        bucket.created(),
        bucket.isDestroyed(),
        remaining,
        objects,
        ApiSpace.stored(buckets.bytesStored(bucket)),
        bucket.versioning(),
        bucket.quotaLimit(),
        bucket.hardLimitEnabled(),
        "multi-site-writable");
  }
}
