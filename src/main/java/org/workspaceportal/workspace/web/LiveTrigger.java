package org.workspaceportal.workspace.web;

import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * When an open workspace page fetches its live part again: on every "progress" event, and on a
 * timer only while something may change without this instance knowing (another instance's work, an
 * admin elsewhere). A finished workspace is not polled, so what its owner revealed stays put.
 */
final class LiveTrigger {

  private LiveTrigger() {}

  static String of(WorkspaceStatus status) {
    if (status.isBusy()) {
      return "sse:progress, every 10s";
    }
    if (status == WorkspaceStatus.PENDING_APPROVAL) {
      return "sse:progress, every 30s";
    }
    return "sse:progress";
  }
}
