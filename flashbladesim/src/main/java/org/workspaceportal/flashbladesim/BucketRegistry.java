package org.workspaceportal.flashbladesim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Buckets of the simulated array and their containers in the blob store behind the S3 data plane.
 * Bucket names are global, as in S3: a destroyed bucket keeps its name until it is eradicated.
 */
final class BucketRegistry {

  private static final Set<String> VERSIONING = Set.of("none", "enabled", "suspended");

  private final SimulatorState state;
  private final BucketContainers containers;

  BucketRegistry(SimulatorState state, BucketContainers containers) {
    this.state = state;
    this.containers = containers;
    synchronized (state) {
      // a persisted state may name buckets whose containers a wiped data dir no longer has
      state.buckets.keySet().forEach(containers::create);
    }
  }

  List<StoredBucket> create(
      List<String> names, String account, Long quotaLimit, boolean hardLimitEnabled) {
    synchronized (state) {
      Lookups.requireNames(names);
      names.forEach(NameRules::checkBucket);
      if (!state.accounts.containsKey(account)) {
        throw ApiException.badRequest(account, "Object store account does not exist.");
      }
      Lookups.requireAbsent(state.buckets, names, "Bucket");
      List<StoredBucket> created = new ArrayList<>();
      for (String name : names) {
        created.add(add(name, account, quotaLimit, hardLimitEnabled));
      }
      state.persist();
      return created;
    }
  }

  List<StoredBucket> patch(List<String> names, BucketPatch patch) {
    synchronized (state) {
      Lookups.requireNames(names);
      List<StoredBucket> buckets = Lookups.requireAll(state.buckets, names, "Bucket");
      List<StoredBucket> changed = new ArrayList<>();
      for (StoredBucket bucket : buckets) {
        changed.add(apply(bucket, patch));
      }
      changed.forEach(b -> state.buckets.put(b.name(), b));
      state.persist();
      return changed;
    }
  }

  /** DELETE eradicates, and only a destroyed bucket: clients always PATCH destroyed=true first. */
  void eradicate(List<String> names) {
    synchronized (state) {
      Lookups.requireNames(names);
      for (StoredBucket bucket : Lookups.requireAll(state.buckets, names, "Bucket")) {
        if (!bucket.isDestroyed()) {
          throw ApiException.badRequest(
              bucket.name(), "Bucket must be destroyed before it can be eradicated.");
        }
      }
      for (String name : names) {
        state.buckets.remove(name);
        containers.eradicate(name);
      }
      state.persist();
    }
  }

  long objectCount(StoredBucket bucket) {
    return containers.objectCount(bucket.name());
  }

  /** Bytes stored in the bucket: its objects and the parts of its open multipart uploads. */
  long bytesStored(StoredBucket bucket) {
    return containers.bytesStored(bucket.name());
  }

  /**
   * The hard quotas an S3 write into {@code bucket} must respect. An account's hard quota covers
   * its live buckets, as its {@code object_count} and {@code space} do; a destroyed bucket's bytes
   * count again once it is recovered.
   */
  HardQuotas hardQuotas(String bucket) {
    synchronized (state) {
      StoredBucket stored = state.buckets.get(bucket);
      if (stored == null) {
        return HardQuotas.none(bucket);
      }
      Long bucketLimit = stored.hardLimitEnabled() ? stored.quotaLimit() : null;
      StoredAccount account = state.accounts.get(stored.account());
      Long accountLimit =
          account != null && account.hardLimitEnabled() ? account.quotaLimit() : null;
      return new HardQuotas(
          bucket,
          bucketLimit,
          stored.account(),
          accountLimit,
          accountLimit == null ? Set.of() : liveBucketsOf(stored.account()));
    }
  }

  BucketAccess access(String account, String bucket) {
    synchronized (state) {
      StoredBucket stored = state.buckets.get(bucket);
      if (stored == null) {
        return BucketAccess.NONE;
      }
      if (!stored.account().equals(account)) {
        return BucketAccess.FOREIGN;
      }
      return stored.isDestroyed() ? BucketAccess.NONE : BucketAccess.OWN;
    }
  }

  Set<String> liveBucketsOf(String account) {
    synchronized (state) {
      return Set.copyOf(
          state.buckets.values().stream()
              .filter(b -> b.account().equals(account) && !b.isDestroyed())
              .map(StoredBucket::name)
              .toList());
    }
  }

  /** S3 CreateBucket: the new bucket belongs to the caller's account, as on the array. */
  boolean createFromS3(String account, String name) {
    synchronized (state) {
      if (state.buckets.containsKey(name)) {
        return false;
      }
      add(name, account, null, false);
      state.persist();
      return true;
    }
  }

  /** S3 DeleteBucket of an empty bucket moves it to the trash, like a PATCH destroyed=true. */
  boolean destroyFromS3(String name) {
    synchronized (state) {
      StoredBucket bucket = state.buckets.get(name);
      if (bucket == null || !containers.isEmpty(name)) {
        return false;
      }
      state.buckets.put(name, bucket.withDestroyedAt(state.now()));
      state.persist();
      return true;
    }
  }

  private StoredBucket add(String name, String account, Long quotaLimit, boolean hardLimitEnabled) {
    var bucket =
        new StoredBucket(
            SimulatorState.newId(),
            name,
            account,
            state.now(),
            null,
            quotaLimit,
            hardLimitEnabled,
            "none");
    containers.create(name);
    state.buckets.put(name, bucket);
    return bucket;
  }

  private StoredBucket apply(StoredBucket bucket, BucketPatch patch) {
    StoredBucket result = bucket;
    if (patch.destroyed() != null) {
      boolean destroy = patch.destroyed();
      if (destroy != result.isDestroyed()) {
        result = result.withDestroyedAt(destroy ? state.now() : null);
      }
    } else if (bucket.isDestroyed()) {
      throw ApiException.badRequest(
          bucket.name(), "Bucket is destroyed; recover it before changing it.");
    }
    if (patch.versioning() != null) {
      if (!VERSIONING.contains(patch.versioning())
          || ("none".equals(patch.versioning()) && !"none".equals(bucket.versioning()))) {
        throw ApiException.badRequest(
            bucket.name(), "Invalid versioning '" + patch.versioning() + "'.");
      }
      result = result.withVersioning(patch.versioning());
    }
    if (patch.quotaLimit() != null || patch.hardLimitEnabled() != null) {
      Long quota =
          patch.quotaLimit() != null
              ? Lookups.parseQuota(bucket.name(), patch.quotaLimit())
              : result.quotaLimit();
      boolean hard =
          patch.hardLimitEnabled() != null ? patch.hardLimitEnabled() : result.hardLimitEnabled();
      result = result.withQuota(quota, hard);
    }
    return result;
  }
}
