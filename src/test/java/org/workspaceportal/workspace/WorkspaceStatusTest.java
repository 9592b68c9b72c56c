package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.workspace.WorkspaceStatus.APPROVED;
import static org.workspaceportal.workspace.WorkspaceStatus.DEGRADED;
import static org.workspaceportal.workspace.WorkspaceStatus.DELETED;
import static org.workspaceportal.workspace.WorkspaceStatus.DELETING;
import static org.workspaceportal.workspace.WorkspaceStatus.FAILED;
import static org.workspaceportal.workspace.WorkspaceStatus.MOVING;
import static org.workspaceportal.workspace.WorkspaceStatus.PENDING_APPROVAL;
import static org.workspaceportal.workspace.WorkspaceStatus.PROVISIONING;
import static org.workspaceportal.workspace.WorkspaceStatus.READY;
import static org.workspaceportal.workspace.WorkspaceStatus.REJECTED;
import static org.workspaceportal.workspace.WorkspaceStatus.REPAIRING;
import static org.workspaceportal.workspace.WorkspaceStatus.RESIZING;
import static org.workspaceportal.workspace.WorkspaceStatus.STARTING;
import static org.workspaceportal.workspace.WorkspaceStatus.STOPPED;
import static org.workspaceportal.workspace.WorkspaceStatus.STOPPING;
import static org.workspaceportal.workspace.WorkspaceStatus.UNREACHABLE;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkspaceStatusTest {

  /** The statuses from which {@code target} can be reached in one move. */
  private static Set<WorkspaceStatus> into(WorkspaceStatus target) {
    Set<WorkspaceStatus> from = EnumSet.noneOf(WorkspaceStatus.class);
    for (WorkspaceStatus s : WorkspaceStatus.values()) {
      if (s.canMoveTo(target)) {
        from.add(s);
      }
    }
    return from;
  }

  @ParameterizedTest
  @EnumSource(WorkspaceStatus.class)
  void everyStatusHasPlainWordsForThePages(WorkspaceStatus status) throws IOException {
    Properties messages = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
      messages.load(in);
    }
    assertThat(messages.getProperty("status." + status.name())).isNotBlank();
  }

  // The rules below are the flow drawn in architecture.md, one sentence each, not a copy of the
  // enum's table.

  @Test
  void aRequestIsApprovedRejectedOrWithdrawnAndNothingRunsBeforeApproval() {
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(PENDING_APPROVAL::canMoveTo))
        .containsExactlyInAnyOrder(APPROVED, REJECTED, DELETED);
  }

  @Test
  void onlyAPendingRequestOrAFailedWorkspaceIsQueuedForProvisioning() {
    assertThat(into(APPROVED)).containsExactlyInAnyOrder(PENDING_APPROVAL, FAILED);
    assertThat(into(PROVISIONING)).containsExactly(APPROVED);
  }

  @Test
  void aWorkspaceIsReadyOnlyAfterProvisioningWhenStartedAgainResizedRepairedMovedOrItsHostIsBack() {
    assertThat(into(READY))
        .containsExactlyInAnyOrder(
            PROVISIONING, STARTING, RESIZING, REPAIRING, UNREACHABLE, MOVING);
    assertThat(into(STOPPED)).containsExactly(STOPPING);
    assertThat(into(STOPPING))
        .as("stopped when ready or degraded, or retried")
        .containsExactlyInAnyOrder(READY, DEGRADED, FAILED);
    assertThat(into(STARTING))
        .as("started when stopped, or retried")
        .containsExactlyInAnyOrder(STOPPED, FAILED);
    assertThat(into(RESIZING))
        .as("resized when ready, or retried")
        .containsExactlyInAnyOrder(READY, FAILED);
  }

  @Test
  void whatWasProvisionedIsDeletedOnlyThroughTeardown() {
    assertThat(into(DELETED)).containsExactlyInAnyOrder(PENDING_APPROVAL, REJECTED, DELETING);
    assertThat(into(DELETING)).doesNotContain(PENDING_APPROVAL, REJECTED, DELETED);
  }

  @Test
  void aRejectedRequestCanOnlyBeDeleted() {
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(REJECTED::canMoveTo))
        .containsExactly(DELETED);
  }

  @Test
  void aStoppedWorkspaceCannotFailWhileNothingRuns() {
    assertThat(STOPPED.canMoveTo(FAILED)).isFalse();
    assertThat(into(FAILED))
        .containsExactlyInAnyOrder(
            APPROVED, PROVISIONING, READY, STOPPING, STARTING, RESIZING, MOVING, DELETING);
  }

  @ParameterizedTest
  @EnumSource(WorkspaceStatus.class)
  void noStatusMovesToItself(WorkspaceStatus status) {
    assertThat(status.canMoveTo(status)).isFalse();
  }

  @Test
  void everyStatusIsReachableFromAPendingRequest() {
    Set<WorkspaceStatus> seen = EnumSet.of(PENDING_APPROVAL);
    ArrayDeque<WorkspaceStatus> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      WorkspaceStatus from = todo.poll();
      for (WorkspaceStatus to : WorkspaceStatus.values()) {
        if (from.canMoveTo(to) && seen.add(to)) {
          todo.add(to);
        }
      }
    }
    assertThat(seen).containsExactlyInAnyOrder(WorkspaceStatus.values());
  }

  @ParameterizedTest
  @EnumSource(WorkspaceStatus.class)
  void everyStatusExceptDeletedCanStillReachDeleted(WorkspaceStatus start) {
    Set<WorkspaceStatus> seen = EnumSet.of(start);
    ArrayDeque<WorkspaceStatus> todo = new ArrayDeque<>(seen);
    while (!todo.isEmpty()) {
      WorkspaceStatus from = todo.poll();
      for (WorkspaceStatus to : WorkspaceStatus.values()) {
        if (from.canMoveTo(to) && seen.add(to)) {
          todo.add(to);
        }
      }
    }
    assertThat(seen).contains(DELETED);
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceStatus.class,
      names = {"REJECTED", "DELETED"},
      mode = EnumSource.Mode.EXCLUDE)
  void aStatusThatIsNeitherRejectedNorDeletedIsLive(WorkspaceStatus status) {
    assertThat(status.isLive()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceStatus.class,
      names = {"REJECTED", "DELETED"})
  void rejectedAndDeletedAreNotLiveSoTheyFreeNameAndQuota(WorkspaceStatus status) {
    assertThat(status.isLive()).isFalse();
  }

  @Test
  void onlyDeletedIsTerminal() {
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(WorkspaceStatus::isTerminal))
        .containsExactly(DELETED);
  }

  @ParameterizedTest
  @EnumSource(WorkspaceStatus.class)
  void aStatusIsTerminalExactlyWhenNothingCanFollowIt(WorkspaceStatus status) {
    boolean hasWayOut = Arrays.stream(WorkspaceStatus.values()).anyMatch(status::canMoveTo);
    assertThat(status.isTerminal()).isEqualTo(!hasWayOut);
  }

  @Test
  void
      backgroundWorkRunsWhileApprovedProvisioningStoppingStartingResizingRepairingMovingOrDeleting() {
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(WorkspaceStatus::isBusy))
        .containsExactlyInAnyOrder(
            APPROVED, PROVISIONING, STOPPING, STARTING, RESIZING, REPAIRING, MOVING, DELETING);
  }

  @Test
  void onlyAReadyWorkspaceOrOneComingBackFromAnUnreachableHostIsFoundDegraded() {
    assertThat(into(DEGRADED)).containsExactlyInAnyOrder(READY, UNREACHABLE, REPAIRING);
  }

  @Test
  void aRepairStartsOnlyFromDegradedAndAFailedRepairLeavesItDegradedNotFailed() {
    assertThat(into(REPAIRING)).containsExactly(DEGRADED);
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(REPAIRING::canMoveTo))
        .containsExactlyInAnyOrder(READY, DEGRADED, DELETING);
    assertThat(Operation.REPAIR.failedStatus()).isEqualTo(DEGRADED);
  }

  @Test
  void aWorkspaceWhoseHostDoesNotAnswerIsUnreachableAndComesBackReadyOrDegraded() {
    assertThat(into(UNREACHABLE)).containsExactlyInAnyOrder(READY, DEGRADED);
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(UNREACHABLE::canMoveTo))
        .containsExactlyInAnyOrder(READY, DEGRADED, MOVING, DELETING);
  }

  @Test
  void onlyAnUnreachableWorkspaceIsMovedAndAFailedMoveIsRetriedAsAMove() {
    assertThat(into(MOVING)).containsExactlyInAnyOrder(UNREACHABLE, FAILED);
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(MOVING::canMoveTo))
        .containsExactlyInAnyOrder(READY, FAILED, DELETING);
  }

  @Test
  void everyOtherOperationThatFailsLeavesTheWorkspaceFailed() {
    assertThat(Arrays.stream(Operation.values()).filter(o -> o != Operation.REPAIR))
        .allSatisfy(o -> assertThat(o.failedStatus()).isEqualTo(FAILED));
  }
}
