package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.ClusterCensus.Expected;
import org.workspaceportal.workspace.ClusterCensus.Missing;

/** The reconciler's rules, without an engine: what is missing, and what is an orphan. */
class ClusterCensusTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Duration MIN_AGE = Duration.ofMinutes(10);
  private static final UUID HOST_A = UUID.randomUUID();
  private static final UUID HOST_B = UUID.randomUUID();
  private static final UUID WS = UUID.randomUUID();

  private static Expected expected(String role, UUID host) {
    return new Expected(role, host, host == HOST_A ? "a" : "b", SparkContainers.name(WS, role));
  }

  private static ContainerInfo container(UUID ws, String role, String state, Instant created) {
    return new ContainerInfo(
        "id-" + role + "-" + ws,
        SparkContainers.name(ws, role),
        "img",
        SparkContainers.labels(ws, role),
        state,
        created);
  }

  @Test
  void aRecordedContainerThatRunsIsNotMissing() {
    List<Missing> missing =
        ClusterCensus.missing(
            List.of(expected("master", HOST_A), expected("worker-1", HOST_B)),
            Map.of(
                HOST_A, List.of(container(WS, "master", "running", NOW)),
                HOST_B, List.of(container(WS, "worker-1", "running", NOW))));

    assertThat(missing).isEmpty();
  }

  @Test
  void aContainerThatVanishedOrStoppedIsMissingWithWhatTheEngineSaid() {
    List<Missing> missing =
        ClusterCensus.missing(
            List.of(
                expected("master", HOST_A),
                expected("worker-1", HOST_A),
                expected("worker-2", HOST_B)),
            Map.of(
                HOST_A,
                List.of(
                    container(WS, "master", "running", NOW),
                    container(WS, "worker-1", "exited", NOW))));

    assertThat(missing)
        .containsExactly(
            new Missing("worker-1", "a", "exited"), new Missing("worker-2", "b", "vanished"));
    assertThat(ClusterCensus.reason(missing))
        .isEqualTo("Not running: worker-1 on a (exited), worker-2 on b (vanished).");
  }

  @Test
  void aContainerOfTheRightNameOnAnotherHostDoesNotCount() {
    List<Missing> missing =
        ClusterCensus.missing(
            List.of(expected("worker-1", HOST_B)),
            Map.of(HOST_A, List.of(container(WS, "worker-1", "running", NOW))));

    assertThat(missing).containsExactly(new Missing("worker-1", "b", "vanished"));
  }

  @Test
  void aContainerOfAnUnknownOrDeletedWorkspaceIsAnOrphanOnceOldEnough() {
    UUID unknown = UUID.randomUUID();
    UUID deleted = UUID.randomUUID();
    ContainerInfo oldUnknown = container(unknown, "master", "running", NOW.minus(MIN_AGE));
    ContainerInfo oldDeleted = container(deleted, "worker-1", "exited", NOW.minusSeconds(3600));
    ContainerInfo youngUnknown = container(unknown, "notebook", "running", NOW.minusSeconds(5));

    assertThat(
            ClusterCensus.orphanContainers(
                List.of(oldUnknown, oldDeleted, youngUnknown),
                Map.of(deleted, WorkspaceStatus.DELETED),
                NOW,
                MIN_AGE))
        .containsExactlyInAnyOrder(oldUnknown, oldDeleted);
  }

  @Test
  void aContainerOfAWorkspaceInAnyOtherStatusIsNeverAnOrphanHoweverOld() {
    Instant old = NOW.minus(Duration.ofDays(3));
    for (WorkspaceStatus status : WorkspaceStatus.values()) {
      if (status == WorkspaceStatus.DELETED) {
        continue;
      }
      UUID id = UUID.randomUUID();
      assertThat(
              ClusterCensus.orphanContainers(
                  List.of(container(id, "worker-1", "exited", old)),
                  Map.of(id, status),
                  NOW,
                  MIN_AGE))
          .as("a %s workspace (it may be mid-provisioning, stopped, failed…)", status)
          .isEmpty();
    }
  }

  @Test
  void aContainerWithoutAReadableWorkspaceLabelOrCreationTimeIsLeftAlone() {
    ContainerInfo noLabel =
        new ContainerInfo("x", "x", "img", Map.of(), "running", NOW.minusSeconds(3600));
    ContainerInfo badLabel =
        new ContainerInfo(
            "y",
            "y",
            "img",
            Map.of(SparkContainers.WORKSPACE_LABEL, "not-a-uuid"),
            "running",
            NOW.minusSeconds(3600));
    ContainerInfo noTime = container(UUID.randomUUID(), "master", "running", null);

    assertThat(
            ClusterCensus.orphanContainers(
                List.of(noLabel, badLabel, noTime), Map.of(), NOW, MIN_AGE))
        .isEmpty();
  }

  @Test
  void aVolumeOfAGoneWorkspaceIsAnOrphanOnceSeenLongEnoughUnlessAContainerOfItRemains() {
    UUID gone = UUID.randomUUID();
    UUID goneButYoung = UUID.randomUUID();
    UUID live = UUID.randomUUID();
    VolumeInfo orphan = new VolumeInfo("v1", SparkContainers.labels(gone, "notebook"));
    VolumeInfo stillUsed = new VolumeInfo("v2", SparkContainers.labels(goneButYoung, "notebook"));
    VolumeInfo kept = new VolumeInfo("v3", SparkContainers.labels(live, "notebook"));
    VolumeInfo young = new VolumeInfo("v4", SparkContainers.labels(gone, "worker-1"));
    VolumeInfo unseen = new VolumeInfo("v5", SparkContainers.labels(gone, "worker-2"));
    Instant old = NOW.minus(MIN_AGE);

    assertThat(
            ClusterCensus.orphanVolumes(
                List.of(orphan, stillUsed, kept, young, unseen),
                List.of(container(goneButYoung, "notebook", "running", NOW)),
                Map.of(live, WorkspaceStatus.STOPPED),
                Map.of("v1", old, "v2", old, "v3", old, "v4", NOW.minusSeconds(5)),
                NOW,
                MIN_AGE))
        .containsExactly(orphan);
  }

  @Test
  void aRepairRecreatesAndWaitsForTheClusterLikeAStart() {
    WorkspaceFacts cluster =
        new WorkspaceFacts(WS, "w", "o", UUID.randomUUID(), 2, false, Retention.DESTROY, true);
    WorkspaceFacts storageOnly =
        new WorkspaceFacts(WS, "w", "o", UUID.randomUUID(), 0, false, Retention.DESTROY, false);

    assertThat(StepKind.plan(Operation.REPAIR, cluster))
        .isEqualTo(StepKind.plan(Operation.START, cluster))
        .contains(StepKind.WORKERS, StepKind.WORKERS_READY);
    assertThat(StepKind.plan(Operation.REPAIR, storageOnly)).isEmpty();
  }
}
