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

  /** How a placement that waits for room on the hosts says so, followed by why in brackets. */
  public static final String WAITING_FOR_ROOM = "waiting for room on the hosts";

  /**
   * Where it stands in a few words, for a progress line: what it waits for when it waits ("Waiting
   * for the workers to join (1 of 2)"; only "Waiting for room on the hosts", whose why the page
   * says on its own), else its name.
   */
  public String nowInWords() {
    if (roomShortage() != null) {
      return "Waiting for room on the hosts";
    }
    String waiting = waitingInWords();
    return waiting == null ? label : waiting;
  }

  /**
   * What it waits for, as a sentence ("Waiting for room on the hosts (…)"); null when it does not.
   */
  public String waitingInWords() {
    if (waitingFor == null || waitingFor.isBlank()) {
      return null;
    }
    String w = waitingFor.strip();
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  /**
   * While it waits for room on the hosts, what is missing ("needs 1 core and 1.0 GB on one host
   * (worker-1); free: local 0 cores and 3.0 GB."); else null.
   */
  public String roomShortage() {
    if (waitingFor == null || !waitingFor.startsWith(WAITING_FOR_ROOM + " (")) {
      return null;
    }
    String why =
        waitingFor.substring(WAITING_FOR_ROOM.length() + 2, waitingFor.length() - 1).strip();
    String now = "Not enough free room on the hosts now: ";
    return why.startsWith(now) ? why.substring(now.length()) : why;
  }

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
