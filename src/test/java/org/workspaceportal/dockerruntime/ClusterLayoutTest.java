package org.workspaceportal.dockerruntime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.Placement;
import org.workspaceportal.workspace.runtime.Role;

/** A cluster's roles in the Docker hosts' terms: what they lease, where the portal reaches them. */
class ClusterLayoutTest {

  private static final UUID HOST = UUID.randomUUID();

  private static Placement placed(String role, List<Integer> ports) {
    return new Placement(role, HOST, "h", "192.0.2.5", ports, 0, 1024, "10.242.7.0/24");
  }

  @Test
  void theMasterLeasesThePodsTwoPublishedPortsAndNoOtherRoleLeasesAny() {
    List<Demand> demands =
        ClusterLayout.demands(
            List.of(
                new Role(Role.MASTER, Role.Kind.MASTER, 1, 1024),
                new Role(Role.NOTEBOOK, Role.Kind.NOTEBOOK, 1, 2048),
                new Role(Role.worker(1), Role.Kind.WORKER, 2, 2048)));

    assertThat(demands).extracting(Demand::ports).containsExactly(2, 0, 0);
    assertThat(demands).extracting(Demand::cpus).containsExactly(0, 0, 2);
  }

  @Test
  void jupyterIsReachedAtTheMastersSecondPortOrForAClusterPlacedBeforePodsAtTheNotebooks() {
    assertThat(
            ClusterLayout.notebookUrl(
                Map.of(
                    Role.MASTER,
                    placed(Role.MASTER, List.of(30000, 30001)),
                    Role.NOTEBOOK,
                    placed(Role.NOTEBOOK, List.of()))))
        .isEqualTo("http://192.0.2.5:30001/");
    assertThat(
            ClusterLayout.notebookUrl(
                Map.of(
                    Role.MASTER,
                    placed(Role.MASTER, List.of(30000)),
                    Role.NOTEBOOK,
                    placed(Role.NOTEBOOK, List.of(30004)))))
        .isEqualTo("http://192.0.2.5:30004/");
    assertThat(
            ClusterLayout.notebookUrl(
                Map.of(Role.MASTER, placed(Role.MASTER, List.of(30000, 30001)))))
        .as("no notebook placed yet (a pool cluster)")
        .isNull();
    assertThat(ClusterLayout.address("10.242.7.0/24")).isEqualTo("10.242.7.2");
  }
}
