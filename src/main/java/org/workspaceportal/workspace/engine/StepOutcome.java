package org.workspaceportal.workspace.engine;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What a {@link StepHandler} answers: the step is done, or it waits for something outside the
 * portal. A wait is not a failure: it uses no attempt and the page shows it as waiting with its
 * reason; once the step has waited longer than {@code timeout} in all, it fails with that reason.
 * Failures are exceptions ({@link org.workspaceportal.common.ExternalSystemException} for foreign
 * systems).
 */
public sealed interface StepOutcome {

  static StepOutcome done() {
    return Done.INSTANCE;
  }

  /**
   * Check again after {@code after} because of {@code reason} ("pulling image x on host y"), for at
   * most {@code timeout} since the step first waited: the handler runs the step again.
   */
  static StepOutcome checkAgain(Duration after, String reason, Duration timeout) {
    return new CheckAgain(after, reason, timeout, null);
  }

  /**
   * Like {@link #checkAgain}, but a check soon enough to be waited for in the same job calls {@code
   * next} instead of running the step again: a poll reuses what the step's first run worked out
   * (its cluster's spec), rather than building it every 100 ms.
   */
  static StepOutcome poll(
      Duration after, String reason, Duration timeout, Supplier<StepOutcome> next) {
    return new CheckAgain(after, reason, timeout, next);
  }

  enum Done implements StepOutcome {
    INSTANCE
  }

  /**
   * @param next what checks again within this attempt; null: run the step again
   */
  record CheckAgain(Duration after, String reason, Duration timeout, Supplier<StepOutcome> next)
      implements StepOutcome {
    public CheckAgain {
      if (after.isNegative() || timeout.isNegative() || reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a wait needs a non-negative delay, timeout and reason");
      }
    }
  }
}
