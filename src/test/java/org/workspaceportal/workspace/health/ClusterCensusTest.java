package org.workspaceportal.workspace.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.WorkspaceFacts;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.runtime.Census.Absent;

/** The reconciler's rules, without a runtime: what a census means, and which clusters are gone. */
class ClusterCensusTest {

  private static final UUID WS = UUID.randomUUID();

  @Test
  void theReasonNamesWhatDoesNotRunAndWhere() {
    assertThat(
            ClusterCensus.reason(
                List.of(
                    new Absent("worker-1", "a", "exited"),
                    new Absent("worker-2", "b", "vanished"))))
        .isEqualTo("Not running: worker-1 on a (exited), worker-2 on b (vanished).");
  }

  @Test
  void aClusterUnknownToThePortalOrOfADeletedWorkspaceIsGone() {
    UUID deleted = UUID.randomUUID();

    assertThat(ClusterCensus.gone(UUID.randomUUID(), Map.of())).isTrue();
    assertThat(ClusterCensus.gone(deleted, Map.of(deleted, WorkspaceStatus.DELETED))).isTrue();
  }

  @Test
  void aClusterOfAWorkspaceInAnyOtherStatusIsNeverGone() {
    for (WorkspaceStatus status : WorkspaceStatus.values()) {
      if (status == WorkspaceStatus.DELETED) {
        continue;
      }
      UUID id = UUID.randomUUID();
      assertThat(ClusterCensus.gone(id, Map.of(id, status)))
          .as("a %s workspace (it may be mid-provisioning, stopped, failed…)", status)
          .isFalse();
    }
  }

  @Test
  void aRepairRecreatesAndWaitsForTheClusterLikeAStart() {
    WorkspaceFacts cluster = facts(2, true, false, false);
    WorkspaceFacts storageOnly = facts(0, false, false, false);

    // a start also places the cluster anew (a stop gave its room back) and restores its files
    // first; a repair finds it placed and its files where they were
    assertThat(StepKind.plan(Operation.REPAIR, cluster))
        .isEqualTo(
            StepKind.plan(Operation.START, cluster).stream()
                .filter(k -> k != StepKind.PLACE && k != StepKind.RESTORE_FILES)
                .toList())
        .contains(StepKind.WORKERS, StepKind.WORKERS_READY);
    assertThat(StepKind.plan(Operation.START, cluster))
        .startsWith(StepKind.PLACE, StepKind.IMAGE, StepKind.RESTORE_FILES, StepKind.NOTEBOOK);
    assertThat(StepKind.plan(Operation.REPAIR, storageOnly)).isEmpty();
  }

  @Test
  void aWarmPoolClusterIsProvisionedAndTornDownByTheClusterStepsAlone() {
    WorkspaceFacts pool = facts(2, true, true, false);

    assertThat(StepKind.plan(Operation.PROVISION, pool))
        .containsExactly(
            StepKind.PLACE,
            StepKind.IMAGE,
            StepKind.MASTER,
            StepKind.WORKERS,
            StepKind.WORKERS_READY);
    assertThat(StepKind.plan(Operation.TEARDOWN, pool))
        .containsExactly(StepKind.REMOVE_CLUSTER, StepKind.RELEASE);
  }

  @Test
  void onlyAWorkspaceThatMayClaimTriesTheWarmPoolFirst() {
    assertThat(StepKind.plan(Operation.PROVISION, facts(2, true, false, true)))
        .containsSubsequence(
            StepKind.CLAIM, StepKind.PLACE, StepKind.ACCOUNT, StepKind.VERIFY, StepKind.NOTEBOOK);
    assertThat(StepKind.plan(Operation.PROVISION, facts(2, true, false, false)))
        .doesNotContain(StepKind.CLAIM);
  }

  private static WorkspaceFacts facts(
      int workers, boolean cluster, boolean poolCluster, boolean mayClaim) {
    return new WorkspaceFacts(
        WS,
        "w",
        poolCluster ? null : "o",
        UUID.randomUUID(),
        workers,
        1,
        1024,
        false,
        poolCluster ? null : Retention.DESTROY,
        cluster,
        poolCluster,
        mayClaim,
        null);
  }
}
