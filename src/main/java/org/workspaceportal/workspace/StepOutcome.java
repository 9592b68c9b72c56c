package org.workspaceportal.workspace;

import java.time.Duration;

/**
 * What a {@link StepHandler} answers: the step is done, or it waits for something outside the
 * portal. A wait is not a failure: it uses no attempt and the page shows it as waiting with its
 * reason; once the step has waited longer than {@code timeout} in all, it fails with that reason.
 * Failures are exceptions ({@link org.workspaceportal.common.ExternalSystemException} for foreign
 * systems).
 */
sealed interface StepOutcome {

  static StepOutcome done() {
    return Done.INSTANCE;
  }

  /**
   * Check again after {@code after} because of {@code reason} ("pulling image x on host y"), for at
   * most {@code timeout} since the step first waited.
   */
  static StepOutcome checkAgain(Duration after, String reason, Duration timeout) {
    return new CheckAgain(after, reason, timeout);
  }

  enum Done implements StepOutcome {
    INSTANCE
  }

  record CheckAgain(Duration after, String reason, Duration timeout) implements StepOutcome {
    public CheckAgain {
      if (after.isNegative() || timeout.isNegative() || reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("a wait needs a non-negative delay, timeout and reason");
      }
    }
  }
}
