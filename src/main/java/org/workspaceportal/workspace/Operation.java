package org.workspaceportal.workspace;

/** The two kinds of background work on a workspace. */
public enum Operation {
  PROVISION,
  TEARDOWN
}
