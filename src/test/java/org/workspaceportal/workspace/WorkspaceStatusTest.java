package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.workspace.WorkspaceStatus.APPROVED;
import static org.workspaceportal.workspace.WorkspaceStatus.DELETED;
import static org.workspaceportal.workspace.WorkspaceStatus.DELETING;
import static org.workspaceportal.workspace.WorkspaceStatus.FAILED;
import static org.workspaceportal.workspace.WorkspaceStatus.PENDING_APPROVAL;
import static org.workspaceportal.workspace.WorkspaceStatus.PROVISIONING;
import static org.workspaceportal.workspace.WorkspaceStatus.READY;
import static org.workspaceportal.workspace.WorkspaceStatus.REJECTED;
import static org.workspaceportal.workspace.WorkspaceStatus.STOPPED;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkspaceStatusTest {

  /**
   * The lifecycle as specified (architecture.md and issue #2), written out independently of the
   * enum.
   */
  static final Map<WorkspaceStatus, Set<WorkspaceStatus>> ALLOWED =
      new EnumMap<>(WorkspaceStatus.class);

  static {
    ALLOWED.put(PENDING_APPROVAL, EnumSet.of(APPROVED, REJECTED, DELETED));
    ALLOWED.put(REJECTED, EnumSet.of(DELETED));
    ALLOWED.put(APPROVED, EnumSet.of(PROVISIONING, FAILED, DELETING));
    ALLOWED.put(PROVISIONING, EnumSet.of(READY, FAILED, DELETING));
    ALLOWED.put(READY, EnumSet.of(STOPPED, FAILED, DELETING));
    ALLOWED.put(STOPPED, EnumSet.of(READY, DELETING));
    ALLOWED.put(FAILED, EnumSet.of(APPROVED, DELETING));
    ALLOWED.put(DELETING, EnumSet.of(DELETED, FAILED));
    ALLOWED.put(DELETED, EnumSet.noneOf(WorkspaceStatus.class));
  }

  /** Every ordered pair of statuses (81), with whether the lifecycle allows it. */
  static Stream<Arguments> allPairs() {
    return Arrays.stream(WorkspaceStatus.values())
        .flatMap(
            from ->
                Arrays.stream(WorkspaceStatus.values())
                    .map(to -> Arguments.of(from, to, ALLOWED.get(from).contains(to))));
  }

  @Test
  void theExpectedGraphCoversEveryStatus() {
    assertThat(ALLOWED.keySet()).containsExactlyInAnyOrder(WorkspaceStatus.values());
  }

  @ParameterizedTest(name = "{0} → {1}: allowed = {2}")
  @MethodSource("allPairs")
  void canMoveToAnswersExactlyTheLifecycleGraph(
      WorkspaceStatus from, WorkspaceStatus to, boolean allowed) {
    assertThat(from.canMoveTo(to)).isEqualTo(allowed);
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
  void backgroundWorkRunsWhileApprovedProvisioningOrDeleting() {
    assertThat(Arrays.stream(WorkspaceStatus.values()).filter(WorkspaceStatus::isBusy))
        .containsExactlyInAnyOrder(APPROVED, PROVISIONING, DELETING);
  }
}
