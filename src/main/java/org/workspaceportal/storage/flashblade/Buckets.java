package org.workspaceportal.storage.flashblade;

import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.storage.StorageException;

/**
 * Buckets. A destroyed bucket keeps its name until the array eradicates it, so "ensure" recovers
 * one of our own account rather than failing on the name; one of another account is a permanent
 * conflict.
 */
final class Buckets {

  private static final String RESOURCE = "buckets";
  private static final Logger log = LoggerFactory.getLogger(Buckets.class);

  private final FlashBladeApi api;
  private final Long defaultQuotaBytes;

  Buckets(FlashBladeApi api, Long defaultQuotaBytes) {
    this.api = api;
    this.defaultQuotaBytes = defaultQuotaBytes;
  }

  void ensure(String account, String bucket, Long quotaBytes) {
    Optional<BucketItem> existing = find(bucket);
    if (existing.isEmpty()) {
      try {
        api.post(
            RESOURCE,
            Map.of("names", bucket),
            body(account, bucket, quotaBytes),
            BucketItem.class,
            "create bucket '" + bucket + "'");
        log.info("Created FlashBlade bucket '{}' in account '{}'", bucket, account);
        return;
      } catch (FlashBladeRefusal refusal) {
        existing = Optional.of(Races.adoptIfAlreadyExists(refusal, () -> find(bucket)));
      }
    }
    adopt(existing.get(), account);
  }

  void remove(String bucket, Retention retention) {
    if (retention == Retention.KEEP) {
      return;
    }
    Optional<BucketItem> existing = find(bucket);
    if (existing.isEmpty()) {
      return;
    }
    if (!existing.get().isDestroyed()) {
      api.patch(
          RESOURCE,
          Map.of("names", bucket),
          new DestroyedPatch(true),
          "destroy bucket '" + bucket + "'");
      log.info("Destroyed FlashBlade bucket '{}' (recoverable until eradicated)", bucket);
    }
    if (retention == Retention.ERADICATE) {
      try {
        api.delete(RESOURCE, Map.of("names", bucket), "eradicate bucket '" + bucket + "'");
        log.info("Eradicated FlashBlade bucket '{}'", bucket);
      } catch (FlashBladeRefusal refusal) {
        if (!refusal.saysDoesNotExist()) {
          throw refusal;
        }
      }
    }
  }

  private void adopt(BucketItem bucket, String account) {
    if (!account.equals(bucket.accountName())) {
      throw new StorageException(
          "Bucket '"
              + bucket.name()
              + "' already exists in another object-store account;"
              + " bucket names are unique on the array, so choose another name",
          false);
    }
    if (bucket.isDestroyed()) {
      api.patch(
          RESOURCE,
          Map.of("names", bucket.name()),
          new DestroyedPatch(false),
          "recover destroyed bucket '" + bucket.name() + "'");
      log.info(
          "Recovered destroyed FlashBlade bucket '{}' of account '{}'", bucket.name(), account);
    }
  }

  /** The quota is a hard limit (a soft one would only raise alerts) and needs REST 2.8. */
  private BucketPost body(String account, String bucket, Long quotaBytes) {
    Long quota = quotaBytes != null ? quotaBytes : defaultQuotaBytes;
    if (quota == null) {
      return new BucketPost(new NamedRef(account), null, null);
    }
    if (quota <= 0) {
      throw new StorageException(
          "The quota of bucket '" + bucket + "' must be positive, was " + quota, false);
    }
    RestVersion version = api.version();
    if (!version.atLeast(RestVersion.QUOTAS)) {
      throw new StorageException(
          "Cannot give bucket '"
              + bucket
              + "' a quota: FlashBlade REST "
              + version
              + " has no bucket quotas (they need "
              + RestVersion.QUOTAS
              + ")",
          false);
    }
    return new BucketPost(new NamedRef(account), Long.toString(quota), true);
  }

  private Optional<BucketItem> find(String bucket) {
    return api.find(RESOURCE, bucket, BucketItem.class, "look up bucket '" + bucket + "'");
  }
}
