package org.workspaceportal.workspace;

import java.time.Duration;
import java.time.Instant;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.engine.WorkspaceStep;

/**
 * One step of an operation as people and scripts see it.
 *
 * @param waitingFor while {@code status} is WAITING, what it waits for ("pulling image …")
 * @param waitingSince when it first waited
 */
public record StepView(
    Operation operation,
    StepKind kind,
    String label,
    StepStatus status,
    int attempts,
    Instant startedAt,
    Instant finishedAt,
    Long durationMs,
    String error,
    String waitingFor,
    Instant waitingSince) {

  public static StepView of(WorkspaceStep s) {
    Long duration =
        s.startedAt() != null && s.finishedAt() != null
            ? Duration.between(s.startedAt(), s.finishedAt()).toMillis()
            : null;
    return new StepView(
        s.operation(),
        s.kind(),
        s.kind().label(),
        s.status(),
        s.attempts(),
        s.startedAt(),
        s.finishedAt(),
        duration,
        s.error(),
        s.status() == StepStatus.WAITING ? s.waitingFor() : null,
        s.waitingSince());
  }
}
