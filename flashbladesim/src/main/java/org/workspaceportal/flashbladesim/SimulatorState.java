package org.workspaceportal.flashbladesim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * All objects of the simulated array, keyed by name in creation order (the order a real array lists
 * them in). Callers hold this object's monitor while they read or change it, and call {@link
 * #persist()} after a change so a restart finds the same array.
 */
final class SimulatorState {

  final Map<String, StoredAccount> accounts = new LinkedHashMap<>();
  final Map<String, StoredUser> users = new LinkedHashMap<>();
  final Map<String, StoredAccessKey> accessKeys = new LinkedHashMap<>();
  final Map<String, StoredBucket> buckets = new LinkedHashMap<>();
  final Map<String, StoredFileSystem> fileSystems = new LinkedHashMap<>();

  private final StateFile file;
  private final Clock clock;

  /**
   * @param file where to persist, or {@code null} to keep the state in memory only
   */
  SimulatorState(StateFile file, Clock clock) {
    this.file = file;
    this.clock = clock;
    if (file != null) {
      StateSnapshot snapshot = file.load();
      snapshot.accounts().forEach(a -> accounts.put(a.name(), a));
      snapshot.users().forEach(u -> users.put(u.name(), u));
      snapshot.accessKeys().forEach(k -> accessKeys.put(k.name(), k));
      snapshot.buckets().forEach(b -> buckets.put(b.name(), b));
      snapshot.fileSystems().forEach(f -> fileSystems.put(f.name(), f));
    }
  }

  long now() {
    return clock.millis();
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  /** All objects of a kind, or the named ones (400 for each name that does not exist). */
  synchronized <T> List<T> select(Map<String, T> objects, List<String> names, String kind) {
    return names.isEmpty()
        ? List.copyOf(objects.values())
        : Lookups.requireAll(objects, names, kind);
  }

  synchronized void persist() {
    if (file != null) {
      file.save(snapshot());
    }
  }

  synchronized StateSnapshot snapshot() {
    return new StateSnapshot(
        new ArrayList<>(accounts.values()),
        new ArrayList<>(users.values()),
        new ArrayList<>(accessKeys.values()),
        new ArrayList<>(buckets.values()),
        new ArrayList<>(fileSystems.values()));
  }
}
