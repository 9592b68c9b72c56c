package org.workspaceportal.workspace;

import java.time.Duration;
import java.time.Instant;

/** One provisioning or teardown step as people and scripts see it. */
public record StepView(
    Operation operation,
    StepKind kind,
    String label,
    StepStatus status,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    String error) {

  static StepView of(WorkspaceStep s) {
    Long duration =
        s.startedAt() != null && s.finishedAt() != null
            ? Duration.between(s.startedAt(), s.finishedAt()).toMillis()
            : null;
    return new StepView(
        s.kind().operation(),
        s.kind(),
        s.kind().label(),
        s.status(),
        s.attempts(),
        s.startedAt(),
        s.finishedAt(),
        duration,
        s.error());
  }
}
