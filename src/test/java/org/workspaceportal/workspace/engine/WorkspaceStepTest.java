package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.Operation;

/** What a step's record counts: attempts, not waits. */
class WorkspaceStepTest {

  @Test
  void aWaitGivesItsAttemptBackOnceHoweverOftenAPollRecordsIt() {
    WorkspaceStep step =
        new WorkspaceStep(UUID.randomUUID(), 1, Operation.PROVISION, StepKind.NOTEBOOK_READY, 9);
    Instant now = Instant.now();
    step.start(now); // an attempt that failed
    step.retryLater("refused", now);
    step.start(now); // the attempt that waits, and polls within itself
    step.waitFor("waiting for the notebook to answer", now);
    step.waitFor("waiting for the notebook to answer", now.plusSeconds(1));
    step.waitFor("waiting for the notebook to answer", now.plusSeconds(2));

    assertThat(step.attempts()).as("the failed attempt counts, the waits do not").isEqualTo(1);
    assertThat(step.waitingSince()).isEqualTo(now);

    step.start(now.plusSeconds(3)); // a wait long enough to go back through the queue
    step.waitFor("waiting for the notebook to answer", now.plusSeconds(3));
    assertThat(step.attempts()).isEqualTo(1);
  }
}
