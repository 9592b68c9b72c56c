package org.workspaceportal.workspace.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceStatus;

/** A move off a silent host is a stop, then a start: the same steps, in that order. */
class MovePlanTest {

  private static final WorkspaceFacts CLUSTER_WORKSPACE =
      new WorkspaceFacts(
          UUID.randomUUID(),
          "alpha",
          "alice",
          UUID.randomUUID(),
          2,
          1,
          1024,
          false,
          Retention.DESTROY,
          true,
          false,
          false,
          null);

  @Test
  void aMoveRunsTheStopsStepsThenTheStartsSoItsRoomIsGivenBackBeforeItIsPlacedAnew() {
    var move = StepKind.plan(Operation.MOVE, CLUSTER_WORKSPACE);

    assertThat(move)
        .containsExactly(
            StepKind.SAVE_FILES,
            StepKind.STOP_CLUSTER,
            StepKind.RELEASE,
            StepKind.PLACE,
            StepKind.IMAGE,
            StepKind.RESTORE_FILES,
            StepKind.NOTEBOOK,
            StepKind.MASTER,
            StepKind.NOTEBOOK_READY,
            StepKind.WORKERS,
            StepKind.WORKERS_READY);
    assertThat(move.indexOf(StepKind.RELEASE)).isLessThan(move.indexOf(StepKind.PLACE));
  }

  @Test
  void aMoveIsAskedForByAnUnreachableWorkspaceOnlyAndEndsReadyOrFailedForARetry() {
    assertThat(Operation.runningIn(WorkspaceStatus.MOVING)).contains(Operation.MOVE);
    assertThat(WorkspaceStatus.UNREACHABLE.canMoveTo(WorkspaceStatus.MOVING)).isTrue();
    assertThat(WorkspaceStatus.READY.canMoveTo(WorkspaceStatus.MOVING)).isFalse();
    assertThat(WorkspaceStatus.DEGRADED.canMoveTo(WorkspaceStatus.MOVING)).isFalse();
    assertThat(WorkspaceStatus.MOVING.canMoveTo(WorkspaceStatus.READY)).isTrue();
    assertThat(WorkspaceStatus.FAILED.canMoveTo(WorkspaceStatus.MOVING)).isTrue();
    assertThat(Operation.MOVE.failedStatus()).isEqualTo(WorkspaceStatus.FAILED);
  }
}
