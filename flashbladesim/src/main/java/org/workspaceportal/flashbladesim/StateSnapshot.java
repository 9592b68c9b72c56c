package org.workspaceportal.flashbladesim;

import java.util.List;

/** Everything the simulator persists, as written to {@code state.json}. */
record StateSnapshot(
    List<StoredAccount> accounts,
    List<StoredUser> users,
    List<StoredAccessKey> accessKeys,
    List<StoredBucket> buckets,
    List<StoredFileSystem> fileSystems) {

  static StateSnapshot empty() {
    return new StateSnapshot(List.of(), List.of(), List.of(), List.of(), List.of());
  }

  StateSnapshot {
    accounts = accounts == null ? List.of() : List.copyOf(accounts);
    users = users == null ? List.of() : List.copyOf(users);
    accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
    buckets = buckets == null ? List.of() : List.copyOf(buckets);
    fileSystems = fileSystems == null ? List.of() : List.copyOf(fileSystems);
  }
}
