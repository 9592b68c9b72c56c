package org.workspaceportal.storage;

/**
 * What happens to a workspace's data (its bucket and file system) when it is deleted: chosen on the
 * request, applied by the storage adapter.
 */
public enum Retention {
  /** Leave it as it is. */
  KEEP,
  /** Destroy it: recoverable until the array eradicates it. */
  DESTROY,
  /** Destroy and eradicate it at once. */
  ERADICATE
}
