package org.workspaceportal.flashbladesim;

/** A file system; {@code provisioned} is bytes ({@code null} = unlimited). */
record StoredFileSystem(
    String id,
    String name,
    long created,
    Long provisioned,
    boolean hardLimitEnabled,
    Nfs nfs,
    Long destroyedAt) {

  /** Default export rule of a FlashBlade file system created without rules. */
  static final String DEFAULT_RULES = "*(rw,no_root_squash)";

  /** NFS protocol settings as REST 2.x models them (no "enabled" flag, unlike 1.x). */
  record Nfs(boolean v3Enabled, boolean v41Enabled, String rules) {}

  boolean isDestroyed() {
    return destroyedAt != null;
  }

  StoredFileSystem with(
      Long newProvisioned, boolean newHardLimit, Nfs newNfs, Long newDestroyedAt) {
    return new StoredFileSystem(
        id, name, created, newProvisioned, newHardLimit, newNfs, newDestroyedAt);
  }
}
