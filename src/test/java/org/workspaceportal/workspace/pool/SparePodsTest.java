package org.workspaceportal.workspace.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.CapacityService;
import org.workspaceportal.host.Demand;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Leftovers;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Spare pods on the machine's real engine: a new workspace's cluster adopts the spare (its notebook
 * runs in the spare's pod, made before the request), the host gets a new one, and a spare is
 * neither an orphan to the sweep nor kept on a host that takes no workspaces. Spares are off in the
 * other tests' portal (see the pom): this test turns them on for itself.
 */
@PortalIntegrationTest
@RequiresDocker
class SparePodsTest {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired CapacityService capacity;
  @Autowired ClusterRuntime runtime;
  @Autowired PoolManager pools;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcTemplate jdbc;

  private LiveWorkspaces live;
  private HostView local;
  private final UUID hog = UUID.randomUUID();

  @BeforeEach
  void sparesOnTheLocalHost() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    local =
        hosts.list().stream()
            .filter(h -> h.endpoint().startsWith("unix://") && h.status() == HostStatus.UP)
            .findFirst()
            .orElseThrow();
    pools.sparePodsPerHost(1);
  }

  @AfterEach
  void sparesOff() {
    pools.sparePodsPerHost(0);
    Leftovers.remove(jdbc, hog);
    live.cleanUp();
    if (local != null && hosts.get(local.id()).drained()) {
      hosts.setDrained(local.id(), false, "test");
    }
    LiveWorkspaces.awaitTrue(() -> capacity.spareIds().isEmpty(), "spare pods given back", WITHIN);
  }

  private CapacityService.Spare aSpareOnTheLocalHost() {
    LiveWorkspaces.awaitTrue(
        () -> spareOnLocal().isPresent(), "a spare pod on the local host", WITHIN);
    return spareOnLocal().orElseThrow();
  }

  private Optional<CapacityService.Spare> spareOnLocal() {
    return capacity.spares("master").stream()
        .filter(s -> s.placement().hostId().equals(local.id()))
        .findFirst();
  }

  private static String podId(UUID clusterId) {
    return DockerCli.run("inspect", "--format", "{{.Id}}", SparkContainers.podName(clusterId))
        .output()
        .strip();
  }

  private static boolean running(String container) {
    DockerCli.Result r = DockerCli.run("inspect", "--format", "{{.State.Running}}", container);
    return r.exitCode() == 0 && r.output().strip().equals("true");
  }

  @Test
  void aNewWorkspacesClusterAdoptsTheSparePodAndTheHostGetsANewOne() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    String pod = podId(spare.id());
    assertThat(running(pod)).as("the spare's pod runs before any request").isTrue();

    WorkspaceView ws = live.approved("spare", 1);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);

    UUID clusterId =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?",
            UUID.class,
            ws.id());
    assertThat(clusterId).as("the cluster carries the spare's id").isEqualTo(spare.id());
    assertThat(podId(clusterId)).as("the very pod made as a spare, not a new one").isEqualTo(pod);
    String notebook = SparkContainers.name(clusterId, "notebook");
    assertThat(
            DockerCli.run("inspect", "--format", "{{.HostConfig.NetworkMode}}", notebook)
                .output()
                .strip())
        .as("the notebook runs in the spare's pod (the engine names it by id)")
        .isEqualTo("container:" + pod);
    assertThat(capacity.placementsOf(clusterId))
        .extracting(p -> p.role())
        .contains("master", "notebook", "worker-1");
    assertThat(capacity.placementsOf(clusterId).stream().filter(p -> p.role().equals("master")))
        .singleElement()
        .satisfies(m -> assertThat(m.ports()).isEqualTo(spare.placement().ports()));
    assertThat(capacity.spareIds()).doesNotContain(spare.id());

    CapacityService.Spare next = aSpareOnTheLocalHost();
    assertThat(next.id()).isNotEqualTo(spare.id());
    assertThat(next.placement().ports()).doesNotContainAnyElementsOf(spare.placement().ports());
    assertThat(next.placement().subnet()).isNotEqualTo(spare.placement().subnet());
  }

  @Test
  void aSparePodServesNoOneItsPublishedPortsRefuseEveryConnection() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    assertThat(spare.placement().ports()).hasSize(2);
    for (int port : spare.placement().ports()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(spare.placement().address(), port), 2000);
        s.setSoTimeout(2000);
        s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
        assertThat(s.getInputStream().read())
            .as("nothing answers on a spare's port %d", port)
            .isEqualTo(-1);
      } catch (IOException refused) {
        // refused or reset: nothing listens in the spare's pod
      }
    }
  }

  @Test
  void theOrphanSweepKeepsSparePodsThoughNoClusterRecordNamesThem() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    String pod = podId(spare.id());
    // every cluster the sweep finds counts as gone, and nothing is too young to remove
    runtime.removeLeftovers(found -> Set.copyOf(found), Duration.ZERO);
    assertThat(running(pod)).as("the spare's pod survives the sweep").isTrue();
    assertThat(capacity.spareIds()).contains(spare.id());
  }

  @Test
  void aDrainedHostLosesItsSparePodsAndGetsThemBackWhenUndrained() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    String pod = podId(spare.id());
    hosts.setDrained(local.id(), true, "test");
    LiveWorkspaces.awaitTrue(
        () -> spareOnLocal().isEmpty() && !running(pod),
        "the drained host's spare removed",
        WITHIN);
    assertThat(
            DockerCli.run("network", "inspect", SparkContainers.networkName(spare.id())).exitCode())
        .as("its network went with it")
        .isNotZero();
    assertThat(capacity.placementsOf(spare.id())).isEmpty();
    hosts.setDrained(local.id(), false, "test");
    assertThat(aSpareOnTheLocalHost().id()).isNotEqualTo(spare.id());
  }

  @Test
  void withoutRoomOnTheSparesHostNothingIsAdoptedAndTheSpareStays() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'hog', 100000, 100000000, now())",
        local.id(),
        hog);
    assertThat(capacity.adoptSpare(demands())).isEmpty();
    assertThat(capacity.spareIds()).contains(spare.id());
    assertThat(capacity.placementsOf(spare.id())).isEmpty();
  }

  @Test
  void anAdoptionWhoseTransactionFailsLeavesTheSpareAsItWas() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    try {
      tx.executeWithoutResult(
          status -> {
            Optional<UUID> adopted = capacity.adoptSpare(demands());
            assertThat(adopted).contains(spare.id());
            throw new IllegalStateException("the portal died before recording the cluster");
          });
    } catch (IllegalStateException expected) {
      // the caller's transaction rolled back
    }
    assertThat(capacity.spareIds()).contains(spare.id());
    assertThat(capacity.placementsOf(spare.id())).as("no lease of the adoption stayed").isEmpty();
    assertThat(running(podId(spare.id()))).isTrue();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where workspace_id = ?", Long.class, spare.id()))
        .as("the spare keeps its two ports, no more")
        .isEqualTo(2L);
  }

  private static List<Demand> demands() {
    return List.of(
        new Demand("master", 0, 512, 2),
        new Demand("notebook", 0, 512, 0),
        new Demand("worker-1", 1, 1024, 0));
  }
}
