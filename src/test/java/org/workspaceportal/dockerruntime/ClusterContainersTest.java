package org.workspaceportal.dockerruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.SparkCluster;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.Placement;

/**
 * Which of a cluster's containers the launch keeps in the pod and which it makes anew, against an
 * engine that answers as scripted (the containers themselves: {@code ClusterProvisioningTest}).
 */
class ClusterContainersTest {

  private static final UUID CLUSTER = UUID.fromString("12345678-9abc-def0-1234-56789abcdef0");
  private static final UUID HOST = UUID.randomUUID();
  private static final List<String> ROLES = List.of("master", "notebook", "worker-1");

  private final ContainerEngine engines = mock(ContainerEngine.class);
  private final HostService hosts = mock(HostService.class);
  private final Installation installation = mock(Installation.class);
  private ClusterContainers containers;
  private final List<String> remade = new ArrayList<>();

  @BeforeEach
  void engine() {
    when(hosts.endpointOf(HOST)).thenReturn(EngineEndpoint.of("unix:///var/run/docker.sock"));
    when(installation.label()).thenReturn(Map.of("org.workspaceportal.installation", "i"));
    containers = new ClusterContainers(hosts, engines, null, installation);
  }

  private static SparkCluster cluster() {
    return new SparkCluster(
        CLUSTER,
        "img",
        "secret",
        null,
        new SparkCluster.Network("n", "10.242.7.0/24", "10.242.7.1", "192.0.2.5"),
        new SparkCluster.Node("master", 0, "10.242.7.2", List.of(30000, 30001), 1, 1024),
        List.of(new SparkCluster.Node("worker-1", 1, "10.242.7.2", List.of(), 1, 2048)),
        null,
        null,
        null);
  }

  private static ContainerInfo container(String id, String role, String state, String pod) {
    Map<String, String> labels = new HashMap<>(SparkContainers.labels(CLUSTER, role));
    if (pod != null) {
      labels.put(SparkContainers.POD_LABEL, pod);
    }
    return new ContainerInfo(
        id, SparkContainers.name(CLUSTER, role), "img", labels, state, Instant.now());
  }

  private String pod(List<ContainerInfo> found, String podNow) {
    when(engines.containers(any(), any())).thenReturn(found);
    when(engines.ensureRunning(any(), any()))
        .thenReturn(container(podNow, SparkContainers.POD_ROLE, "running", null));
    return containers.pod(placement(), cluster(), ROLES, remade::add);
  }

  private static Placement placement() {
    return new Placement("master", HOST, "h", "192.0.2.5", List.of(30000, 30001), 0, 1024, "s");
  }

  @Test
  void rolesInThePodThatRunsStay() {
    String pod =
        pod(
            List.of(
                container("p1", SparkContainers.POD_ROLE, "running", null),
                container("m1", "master", "running", "p1"),
                container("w1", "worker-1", "exited", "p1")),
            "p1");

    assertThat(pod).isEqualTo("p1");
    assertThat(remade).as("an exited role of the pod is started again, not made anew").isEmpty();
    // the running pod holds its network: neither is looked for again
    verify(engines, never()).ensureNetwork(any(), any());
    verify(engines, never()).ensureRunning(any(), any());
  }

  @Test
  void aRoleThatJoinedAnotherPodIsMadeAnew() {
    pod(
        List.of(
            container("p2", SparkContainers.POD_ROLE, "running", null),
            container("m1", "master", "running", "p1")),
        "p2");

    verify(engines).removeContainer(any(), eq("m1"));
    assertThat(remade).containsExactly("master");
  }

  @Test
  void aPodThatStoppedIsMadeAnewWithEveryRoleForItsNamespaceIsNew() {
    pod(
        List.of(
            container("p1", SparkContainers.POD_ROLE, "exited", null),
            container("m1", "master", "running", "p1"),
            container("w1", "worker-1", "running", "p1")),
        "p2");

    verify(engines).removeContainer(any(), eq("p1"));
    assertThat(remade).as("the roles, not the pod").containsExactly("master", "worker-1");
  }

  @Test
  void containersMadeBeforePodsGoBeforeThePodTakesTheirAddress() {
    pod(
        List.of(
            container("m0", "master", "running", null),
            container("n0", "notebook", "running", null)),
        "p1");

    assertThat(remade).containsExactly("master", "notebook");
  }
}
