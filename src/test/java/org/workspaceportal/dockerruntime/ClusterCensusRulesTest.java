package org.workspaceportal.dockerruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.compute.VolumeInfo;
import org.workspaceportal.dockerruntime.ClusterCensusRules.Expected;
import org.workspaceportal.workspace.runtime.Census.Absent;

/**
 * The Docker runtime's census rules, without an engine: what does not run, and what is an orphan.
 */
class ClusterCensusRulesTest {

  private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  private static final Duration MIN_AGE = Duration.ofMinutes(10);
  private static final UUID HOST_A = UUID.randomUUID();
  private static final UUID HOST_B = UUID.randomUUID();
  private static final UUID CLUSTER = UUID.randomUUID();

  private static Expected expected(String role, UUID host) {
    return new Expected(
        role, host, host == HOST_A ? "a" : "b", SparkContainers.name(CLUSTER, role));
  }

  private static ContainerInfo container(UUID cluster, String role, String state, Instant created) {
    return new ContainerInfo(
        "id-" + role + "-" + cluster,
        SparkContainers.name(cluster, role),
        "img",
        SparkContainers.labels(cluster, role),
        state,
        created);
  }

  @Test
  void aRoleWhoseContainerRunsIsNotAbsent() {
    List<Absent> absent =
        ClusterCensusRules.absent(
            List.of(expected("master", HOST_A), expected("worker-1", HOST_B)),
            Map.of(
                HOST_A, List.of(container(CLUSTER, "master", "running", NOW)),
                HOST_B, List.of(container(CLUSTER, "worker-1", "running", NOW))));

    assertThat(absent).isEmpty();
  }

  @Test
  void aContainerThatVanishedOrStoppedIsAbsentWithWhatTheEngineSaid() {
    List<Absent> absent =
        ClusterCensusRules.absent(
            List.of(
                expected("master", HOST_A),
                expected("worker-1", HOST_A),
                expected("worker-2", HOST_B),
                new Expected("worker-3", null, "no host", null)),
            Map.of(
                HOST_A,
                List.of(
                    container(CLUSTER, "master", "running", NOW),
                    container(CLUSTER, "worker-1", "exited", NOW))));

    assertThat(absent)
        .containsExactly(
            new Absent("worker-1", "a", "exited"),
            new Absent("worker-2", "b", "vanished"),
            new Absent("worker-3", "no host", "not placed"));
  }

  private static ContainerInfo joined(String role, String pod) {
    ContainerInfo c = container(CLUSTER, role, "running", NOW);
    return new ContainerInfo(
        c.id(),
        c.name(),
        c.image(),
        Map.of(
            SparkContainers.WORKSPACE_LABEL,
            CLUSTER.toString(),
            SparkContainers.ROLE_LABEL,
            role,
            SparkContainers.POD_LABEL,
            pod),
        c.state(),
        c.created());
  }

  @Test
  void aRoleThatRunsWithoutThePodItJoinedIsAbsentForItHasNoNetwork() {
    ContainerInfo pod = container(CLUSTER, SparkContainers.POD_ROLE, "running", NOW);
    ContainerInfo stoppedPod = container(CLUSTER, SparkContainers.POD_ROLE, "exited", NOW);
    List<Expected> roles = List.of(expected("master", HOST_A), expected("worker-1", HOST_A));

    assertThat(
            ClusterCensusRules.absent(
                roles,
                Map.of(
                    HOST_A,
                    List.of(pod, joined("master", pod.id()), joined("worker-1", pod.id())))))
        .as("both in the pod that runs")
        .isEmpty();
    assertThat(
            ClusterCensusRules.absent(
                roles,
                Map.of(
                    HOST_A,
                    List.of(pod, joined("master", pod.id()), joined("worker-1", "an-older-pod")))))
        .as("the worker joined a pod that was removed and made again")
        .containsExactly(new Absent("worker-1", "a", ClusterCensusRules.WITHOUT_ITS_POD));
    assertThat(
            ClusterCensusRules.absent(
                roles,
                Map.of(
                    HOST_A,
                    List.of(
                        stoppedPod,
                        joined("master", stoppedPod.id()),
                        joined("worker-1", stoppedPod.id())))))
        .as("the pod stopped")
        .hasSize(2);
    assertThat(
            ClusterCensusRules.absent(
                roles,
                Map.of(
                    HOST_A,
                    List.of(
                        container(CLUSTER, "master", "running", NOW),
                        container(CLUSTER, "worker-1", "running", NOW)))))
        .as("made before pods: each on a network namespace of its own")
        .isEmpty();
  }

  @Test
  void aContainerOfTheRightNameOnAnotherHostDoesNotCount() {
    List<Absent> absent =
        ClusterCensusRules.absent(
            List.of(expected("worker-1", HOST_B)),
            Map.of(HOST_A, List.of(container(CLUSTER, "worker-1", "running", NOW))));

    assertThat(absent).containsExactly(new Absent("worker-1", "b", "vanished"));
  }

  @Test
  void aContainerOfAGoneClusterIsAnOrphanOnceOldEnough() {
    UUID gone = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    ContainerInfo oldGone = container(gone, "master", "running", NOW.minus(MIN_AGE));
    ContainerInfo olderGone = container(gone, "worker-1", "exited", NOW.minusSeconds(3600));
    ContainerInfo youngGone = container(gone, "notebook", "running", NOW.minusSeconds(5));
    ContainerInfo notGone = container(other, "master", "running", NOW.minus(Duration.ofDays(3)));

    assertThat(
            ClusterCensusRules.orphanContainers(
                List.of(oldGone, olderGone, youngGone, notGone), Set.of(gone), NOW, MIN_AGE))
        .containsExactlyInAnyOrder(oldGone, olderGone);
  }

  @Test
  void aContainerWithoutAReadableClusterLabelOrCreationTimeIsLeftAlone() {
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
    UUID gone = UUID.randomUUID();
    ContainerInfo noTime = container(gone, "master", "running", null);

    assertThat(
            ClusterCensusRules.orphanContainers(
                List.of(noLabel, badLabel, noTime), Set.of(gone), NOW, MIN_AGE))
        .isEmpty();
  }

  @Test
  void aVolumeOfAGoneClusterIsAnOrphanOnceSeenLongEnoughUnlessAContainerOfItRemains() {
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
            ClusterCensusRules.orphanVolumes(
                List.of(orphan, stillUsed, kept, young, unseen),
                List.of(container(goneButYoung, "notebook", "running", NOW)),
                Set.of(gone, goneButYoung),
                Map.of("v1", old, "v2", old, "v3", old, "v4", NOW.minusSeconds(5)),
                NOW,
                MIN_AGE))
        .containsExactly(orphan);
  }

  @Test
  void aLiveClusterWithNoPlaceOnTheHostIsUnwantedThereLikeAGoneOne() {
    UUID gone = UUID.randomUUID();
    UUID placedHere = UUID.randomUUID();
    UUID movedAway = UUID.randomUUID();

    Set<UUID> unwanted =
        ClusterCensusRules.unwanted(
            Set.of(gone, placedHere, movedAway), Set.of(gone), Set.of(placedHere));

    assertThat(unwanted).containsExactlyInAnyOrder(gone, movedAway);
  }

  @Test
  void aGoneClusterStaysUnwantedEvenIfItsPlaceWasNotGivenBack() {
    UUID gone = UUID.randomUUID();

    assertThat(ClusterCensusRules.unwanted(Set.of(gone), Set.of(gone), Set.of(gone)))
        .containsExactly(gone);
  }

  @Test
  void theOldContainersOfAMovedClusterGoOnceOldEnoughAndItsNewOnesStay() {
    UUID moved = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    ContainerInfo old = container(moved, "notebook", "running", NOW.minus(Duration.ofHours(2)));
    ContainerInfo justMade = container(moved, "worker-1", "created", NOW.minusSeconds(5));
    ContainerInfo othersPlacedHere = container(other, "master", "running", NOW.minusSeconds(7200));
    Set<UUID> unwanted = ClusterCensusRules.unwanted(Set.of(moved, other), Set.of(), Set.of(other));

    // a container made seconds ago waits for the next passes: a step may be about to record it
    assertThat(
            ClusterCensusRules.orphanContainers(
                List.of(old, justMade, othersPlacedHere), unwanted, NOW, MIN_AGE))
        .containsExactly(old);
  }

  @Test
  void theVolumeOfAMovedClusterGoesOnlyWithItsLastContainerThere() {
    UUID moved = UUID.randomUUID();
    VolumeInfo files = new VolumeInfo("files", SparkContainers.labels(moved, "notebook"));
    Set<UUID> unwanted = ClusterCensusRules.unwanted(Set.of(moved), Set.of(), Set.of());
    Map<String, Instant> seen = Map.of("files", NOW.minus(Duration.ofHours(1)));
    ContainerInfo tooYoung = container(moved, "notebook", "running", NOW.minusSeconds(5));

    assertThat(
            ClusterCensusRules.orphanVolumes(
                List.of(files), List.of(tooYoung), unwanted, seen, NOW, MIN_AGE))
        .isEmpty();
    assertThat(
            ClusterCensusRules.orphanVolumes(
                List.of(files), List.of(), unwanted, seen, NOW, MIN_AGE))
        .containsExactly(files);
  }
}
