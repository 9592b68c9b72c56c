package org.workspaceportal.workspace.files;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.workspaceportal.common.ExternalSystemException;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.cluster.ClusterState;
import org.workspaceportal.workspace.cluster.SilentHosts;
import org.workspaceportal.workspace.engine.StepAttempt;
import org.workspaceportal.workspace.engine.StepHandler;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;

/**
 * The notebook's files saved to the bucket before a stop or a deletion takes the cluster away, and
 * restored before a start opens Jupyter.
 *
 * <p>A stop does not go on while its save fails: the step waits (shown on the page with the reason)
 * and tries again every {@code retry-after}, for up to {@code stop-waits-at-most}; then the stop
 * fails and the files stay on the host. A deletion tries the same way for a few minutes, then goes
 * on with the files of the last save (saved at most {@code save-interval} before): a host that is
 * gone for good must not make a workspace undeletable. A deletion that eradicates the bucket saves
 * nothing. A move (its owner leaves a host that does not answer) saves like a stop when the
 * notebook's host answers, and keeps the last save when it does not.
 */
@Component
class FilesStepHandler implements StepHandler {

  /** How long a deletion keeps trying to save before it goes on with the last save. */
  static final Duration DELETION_WAITS_AT_MOST = Duration.ofMinutes(5);

  private final NotebookSaves saves;
  private final ClusterState clusters;
  private final SilentHosts silentHosts;
  private final FilesProperties properties;
  private final Clock clock;

  FilesStepHandler(
      NotebookSaves saves,
      ClusterState clusters,
      SilentHosts silentHosts,
      FilesProperties properties,
      Clock clock) {
    this.saves = saves;
    this.silentHosts = silentHosts;
    this.clusters = clusters;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Set<StepKind> kinds() {
    return EnumSet.of(StepKind.SAVE_FILES, StepKind.RESTORE_FILES);
  }

  @Override
  public StepOutcome run(StepAttempt step) {
    WorkspaceFacts subject = step.workspace();
    if (!clusters.hasCluster(subject.id())) {
      return StepOutcome.done(); // never placed: no files anywhere
    }
    if (step.kind() == StepKind.RESTORE_FILES) {
      saves.restore(subject);
      return StepOutcome.done();
    }
    if (step.operation() == Operation.MOVE
        && silentHosts.of(subject.id()).map(SilentHosts.Silence::notebookLost).orElse(false)) {
      // its files are on a host that does not answer: the move goes on from the last save, as its
      // owner confirmed (the move's history names the host and the save's time)
      return StepOutcome.done();
    }
    boolean deletion = step.operation() == Operation.TEARDOWN;
    if (deletion && subject.retention() == Retention.ERADICATE) {
      return StepOutcome.done(); // the bucket goes at once: nothing to keep
    }
    Duration waitsAtMost = deletion ? DELETION_WAITS_AT_MOST : properties.stopWaitsAtMost();
    try {
      if (saves.save(subject) == NotebookSaves.Result.BUSY) {
        return StepOutcome.checkAgain(
            Duration.ofSeconds(2),
            "Waiting for the save that is running to end",
            properties.lease());
      }
      return StepOutcome.done();
    } catch (ExternalSystemException e) {
      if (deletion
          && step.waitingSince() != null
          && step.waitingSince().plus(waitsAtMost).isBefore(clock.instant())) {
        return StepOutcome.done(); // the last save's files stay with the bucket
      }
      return StepOutcome.checkAgain(
          properties.retryAfter(),
          "Saving the notebooks to the bucket failed ("
              + e.getMessage()
              + "); trying again every "
              + properties.retryAfter().toSeconds()
              + " s. The "
              + (deletion ? "deletion" : step.operation() == Operation.MOVE ? "move" : "stop")
              + " goes on once they are saved",
          waitsAtMost.plusSeconds(1));
    }
  }
}
