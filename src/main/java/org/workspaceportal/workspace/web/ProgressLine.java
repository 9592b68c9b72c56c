package org.workspaceportal.workspace.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;

/**
 * The one line at the top of a busy workspace's page: "Step 10 of 12 · Waiting for the notebook ·
 * 12 s so far, usually ~20 s".
 *
 * @param step the current step's place in its operation, from 1
 * @param of how many steps the operation has
 * @param now what it is doing, in words
 * @param soFarMs how long the current step has been at it; null before it started
 * @param usuallyMs how long that kind of step usually takes; null when nothing is known
 */
record ProgressLine(int step, int of, String now, Long soFarMs, Long usuallyMs) {

  /** Null unless the workspace is busy with an operation that has a step still to finish. */
  static ProgressLine of(WorkspaceView ws, Map<StepKind, Duration> typical, Instant at) {
    if (!ws.status().isBusy()) {
      return null;
    }
    List<StepView> steps = ws.currentSteps();
    for (int i = 0; i < steps.size(); i++) {
      StepView s = steps.get(i);
      if (s.status() == StepStatus.SUCCEEDED) {
        continue;
      }
      Instant since = s.startedAt() != null ? s.startedAt() : s.waitingSince();
      Duration usually = typical.get(s.kind());
      return new ProgressLine(
          i + 1,
          steps.size(),
          s.nowInWords(),
          since == null ? null : Math.max(0, Duration.between(since, at).toMillis()),
          usually == null ? null : usually.toMillis());
    }
    return null;
  }
}
