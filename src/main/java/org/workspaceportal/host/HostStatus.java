package org.workspaceportal.host;

/** Whether a host's engine answers. */
public enum HostStatus {
  /** Registered, not checked yet. */
  UNKNOWN,
  UP,
  /** Did not answer for longer than the grace, or never did. */
  DOWN
}
