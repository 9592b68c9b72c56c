package org.workspaceportal.workspace;

/** What happens to a workspace's data when it is deleted. */
public enum Retention {
  /** The bucket and file system stay as they are. */
  KEEP,
  /** Destroyed, and recoverable on the array until it eradicates them. */
  DESTROY,
  /** Destroyed and eradicated at once: gone for good. */
  ERADICATE
}
