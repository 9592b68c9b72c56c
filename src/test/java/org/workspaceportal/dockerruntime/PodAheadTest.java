package org.workspaceportal.dockerruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.ClusterSpec;
import org.workspaceportal.workspace.runtime.Role;

/**
 * The pod made ahead of a new cluster's launch, while its storage steps run: what this portal does
 * next to the cluster waits for it (the containers: {@code ClusterProvisioningTest}).
 */
class PodAheadTest {

  private static final UUID CLUSTER = UUID.randomUUID();
  private static final UUID HOST = UUID.randomUUID();

  private final CapacityService capacity = mock(CapacityService.class);
  private final ClusterContainers containers = mock(ClusterContainers.class);
  private final DockerHostsRuntime runtime =
      new DockerHostsRuntime(capacity, null, null, containers, null, null, null, null, null);
  private final CountDownLatch podStarting = new CountDownLatch(1);
  private final CountDownLatch podRuns = new CountDownLatch(1);

  private static ClusterSpec spec() {
    return new ClusterSpec(
        CLUSTER,
        "img",
        "secret",
        List.of(
            new Role(Role.MASTER, Role.Kind.MASTER, 1, 1024),
            new Role(Role.worker(1), Role.Kind.WORKER, 1, 1024)),
        null,
        null);
  }

  private void aPodThatTakesItsTime() {
    when(capacity.placementsOf(CLUSTER))
        .thenReturn(
            List.of(
                new Placement(
                    Role.MASTER,
                    HOST,
                    "h",
                    "192.0.2.5",
                    List.of(30000, 30001),
                    1,
                    1024,
                    "10.242.7.0/24"),
                new Placement(
                    Role.worker(1), HOST, "h", "192.0.2.5", List.of(), 1, 1024, "10.242.7.0/24")));
    doAnswer(
            call -> {
              podStarting.countDown();
              return podRuns.await(10, TimeUnit.SECONDS);
            })
        .when(containers)
        .podAhead(any(), any(), any());
  }

  @Test
  void aRemovalThatComesWhileThePodIsMadeAheadWaitsForItAndSoRemovesIt() throws Exception {
    aPodThatTakesItsTime();
    runtime.prepareAhead(spec());
    assertThat(podStarting.await(10, TimeUnit.SECONDS)).isTrue();

    Thread removal = Thread.ofVirtual().start(() -> runtime.removeAll(CLUSTER, false));
    Thread.sleep(300);
    verify(containers, never()).removeEverywhere(any(), any());

    podRuns.countDown();
    removal.join(10_000);
    var order = inOrder(containers);
    order.verify(containers).podAhead(any(), any(), any());
    order.verify(containers).removeEverywhere(eq(CLUSTER), any());
  }

  @Test
  void aLaunchThatComesWhileThePodIsMadeAheadWaitsForItInsteadOfMakingItAnew() throws Exception {
    aPodThatTakesItsTime();
    when(containers.pod(any(), any(), any(), any())).thenReturn("pod-id");
    runtime.prepareAhead(spec());
    assertThat(podStarting.await(10, TimeUnit.SECONDS)).isTrue();

    Thread launch = Thread.ofVirtual().start(() -> runtime.launch(spec(), List.of(Role.MASTER)));
    Thread.sleep(300);
    verify(containers, never()).pod(any(), any(), any(), any());

    podRuns.countDown();
    verify(containers, timeout(10_000)).pod(any(), any(), any(), any());
    launch.join(10_000);
  }

  @Test
  void withNothingMadeAheadARemovalGoesOnAtOnce() {
    runtime.removeAll(CLUSTER, false);
    verify(containers).removeEverywhere(eq(CLUSTER), any());
  }
}
