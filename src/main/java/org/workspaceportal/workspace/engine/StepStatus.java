package org.workspaceportal.workspace.engine;

/** Where one step stands. */
public enum StepStatus {
  PENDING,
  RUNNING,
  /** Waiting for something outside the portal (a pull, a worker registering); not a failure. */
  WAITING,
  SUCCEEDED,
  FAILED
}
