package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.workspaceportal.workspace.WorkspaceFixtures.T0;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpStatus;

class WorkspaceTest {

  private static final Instant LATER = T0.plusSeconds(3600);

  /** Every ordered pair of statuses with whether the lifecycle allows it: the entity must agree. */
  static Stream<Arguments> allPairs() {
    return Arrays.stream(WorkspaceStatus.values())
        .flatMap(
            from ->
                Arrays.stream(WorkspaceStatus.values())
                    .map(to -> Arguments.of(from, to, from.canMoveTo(to))));
  }

  static Stream<Arguments> allowedPairs() {
    return allPairs()
        .filter(a -> (boolean) a.get()[2])
        .map(a -> Arguments.of(a.get()[0], a.get()[1]));
  }

  static Stream<Arguments> forbiddenPairs() {
    return allPairs()
        .filter(a -> !(boolean) a.get()[2])
        .map(a -> Arguments.of(a.get()[0], a.get()[1]));
  }

  @Test
  void aNewWorkspaceWaitsForApprovalAndRecordsItsCreation() {
    Workspace w = WorkspaceFixtures.workspace("alpha");

    assertThat(w.status()).isEqualTo(WorkspaceStatus.PENDING_APPROVAL);
    assertThat(w.id()).isNotNull();
    assertThat(w.createdAt()).isEqualTo(T0);
    assertThat(w.updatedAt()).isEqualTo(T0);
    assertThat(w.created("alice").toEntry())
        .isEqualTo(
            new WorkspaceView.HistoryEntry(
                null, WorkspaceStatus.PENDING_APPROVAL, "alice", null, T0));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("allowedPairs")
  void anAllowedMoveChangesTheStatusAndReturnsTheHistoryRow(
      WorkspaceStatus from, WorkspaceStatus to) {
    Workspace w = WorkspaceFixtures.workspaceIn(from);

    Transition transition = w.moveTo(to, "moved", "bob", "because", LATER);

    assertThat(w.status()).isEqualTo(to);
    assertThat(w.statusReason()).isEqualTo("because");
    assertThat(w.updatedAt()).isEqualTo(LATER);
    assertThat(transition.toEntry())
        .isEqualTo(new WorkspaceView.HistoryEntry(from, to, "bob", "because", LATER));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("forbiddenPairs")
  void aForbiddenMoveThrowsAndChangesNothing(WorkspaceStatus from, WorkspaceStatus to) {
    Workspace w = WorkspaceFixtures.workspaceIn(from);
    String reasonBefore = w.statusReason();

    assertThatThrownBy(() -> w.moveTo(to, "frobnicated", "bob", "because", LATER))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> {
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
              assertThat(e.getBody().getType())
                  .hasToString("https://workspace-portal.dev/problems/illegal-transition");
              assertThat(e.getMessage())
                  .contains("'" + w.name() + "'", "is " + from, "cannot be frobnicated");
            });
    assertThat(w.status()).isEqualTo(from);
    assertThat(w.statusReason()).isEqualTo(reasonBefore);
    assertThat(w.updatedAt()).isEqualTo(T0);
  }

  @Test
  void theAllowedAndForbiddenCasesTogetherCoverEveryPair() {
    int n = WorkspaceStatus.values().length;
    assertThat(allowedPairs().count() + forbiddenPairs().count()).isEqualTo((long) n * n);
  }

  @Test
  void approvingAPendingRequestMovesItToApproved() {
    Workspace w = WorkspaceFixtures.workspace("alpha");

    w.moveTo(WorkspaceStatus.APPROVED, "approved", "admin", null, LATER);

    assertThat(w.status()).isEqualTo(WorkspaceStatus.APPROVED);
    assertThat(w.statusReason()).isNull();
  }

  @Test
  void aLaterMoveWithoutReasonClearsTheReasonOfTheEarlierOne() {
    Workspace w = WorkspaceFixtures.workspaceIn(WorkspaceStatus.APPROVED);
    w.moveTo(WorkspaceStatus.FAILED, "failed", "system", "storage unreachable", LATER);

    w.moveTo(WorkspaceStatus.APPROVED, "retried", "admin", null, LATER.plusSeconds(1));

    assertThat(w.statusReason()).isNull();
  }

  @ParameterizedTest
  @EnumSource(WorkspaceStatus.class)
  void aDeletedWorkspaceCannotMoveAnywhere(WorkspaceStatus target) {
    Workspace w = WorkspaceFixtures.workspaceIn(WorkspaceStatus.DELETED);

    assertThatThrownBy(() -> w.moveTo(target, "changed", "admin", null, LATER))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void everyRepairRunsFreshStepsSoAFailedRepairCanBeTriedAgainInFull() {
    Workspace w = WorkspaceFixtures.workspaceIn(WorkspaceStatus.DEGRADED);
    int before = w.run();

    w.moveTo(WorkspaceStatus.REPAIRING, "repaired", "portal", null, LATER);
    w.moveTo(WorkspaceStatus.DEGRADED, "failed", "portal", "worker-1 did not join", LATER);
    w.moveTo(WorkspaceStatus.REPAIRING, "repaired", "alice", null, LATER);

    assertThat(w.run()).isEqualTo(before + 2);
  }

  @Test
  void fixturesReachEveryStatusThroughAllowedMovesOnly() {
    Arrays.stream(WorkspaceStatus.values())
        .forEach(s -> assertThat(WorkspaceFixtures.workspaceIn(s).status()).isEqualTo(s));
  }
}
