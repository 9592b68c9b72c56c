package org.workspaceportal.flashbladesim;

/** A bucket; {@code destroyedAt} is set while it waits in the trash for eradication. */
record StoredBucket(
    String id,
    String name,
    String account,
    long created,
    Long destroyedAt,
    Long quotaLimit,
    boolean hardLimitEnabled,
    String versioning) {

  boolean isDestroyed() {
    return destroyedAt != null;
  }

  StoredBucket withDestroyedAt(Long newDestroyedAt) {
    return new StoredBucket(
        id, name, account, created, newDestroyedAt, quotaLimit, hardLimitEnabled, versioning);
  }

  StoredBucket withQuota(Long newQuotaLimit, boolean newHardLimitEnabled) {
    return new StoredBucket(
        id, name, account, created, destroyedAt, newQuotaLimit, newHardLimitEnabled, versioning);
  }

  StoredBucket withVersioning(String newVersioning) {
    return new StoredBucket(
        id, name, account, created, destroyedAt, quotaLimit, hardLimitEnabled, newVersioning);
  }
}
