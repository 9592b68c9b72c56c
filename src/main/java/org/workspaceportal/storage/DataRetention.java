package org.workspaceportal.storage;

/** What removing a bucket or file system does to its data. */
public enum DataRetention {
  /** Leave it as it is. */
  KEEP,
  /** Destroy it: recoverable until the array eradicates it. */
  DESTROY,
  /** Destroy and eradicate it at once. */
  ERADICATE
}
