package org.workspaceportal.workspace;

/** Where one step stands. */
public enum StepStatus {
  PENDING,
  RUNNING,
  SUCCEEDED,
  FAILED
}
