package org.workspaceportal.workspace.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
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
import org.workspaceportal.workspace.cluster.NotebookContainer;
import org.workspaceportal.workspace.runtime.ClusterRuntime;
import org.workspaceportal.workspace.runtime.Leftover;
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
        .filter(s -> s.placement().hostId().equals(local.id()) && s.ready())
        .findFirst();
  }

  private UUID clusterOf(UUID workspaceId) {
    return jdbc.queryForObject(
        "select cluster_id from workspace_clusters where workspace_id = ?",
        UUID.class,
        workspaceId);
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

    UUID clusterId = clusterOf(ws.id());
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

  /**
   * A hostile tenant's code, in her notebook and on her worker, tries the spare pod made for the
   * next workspace: its address on its own network and the ports it publishes on the host. So that
   * a closed port proves the seal and not merely that nothing listens, something listens in the
   * spare's namespace here (as the next workspace's Jupyter will): the host reaches it through the
   * published port, her code reaches it by no way.
   */
  @Test
  void herCodeCannotReachTheSparePodMadeForTheNextWorkspace() throws Exception {
    WorkspaceView hers = live.ready("spare-hostile", 1);
    UUID cluster = clusterOf(hers.id());
    CapacityService.Spare next = aSpareOnTheLocalHost();
    assertThat(next.id()).isNotEqualTo(cluster);
    String herGateway = address(capacity.placementsOf(cluster).getFirst().subnet(), 1);
    String sparePod = address(next.placement().subnet(), 2);
    String listener = "spare-listener-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      assertThat(
              DockerCli.run(
                      "run",
                      "-d",
                      "--name",
                      listener,
                      "--network",
                      "container:" + SparkContainers.podName(next.id()),
                      "--entrypoint",
                      "python3",
                      LiveWorkspaces.imageOfThisCheckout(),
                      "-m",
                      "http.server",
                      String.valueOf(SparkContainers.JUPYTER_PORT))
                  .exitCode())
          .isZero();
      int published = next.placement().ports().get(1); // Jupyter's, as the pod publishes it
      LiveWorkspaces.awaitTrue(
          () -> answers(next.placement().address(), published),
          "the listener in the spare's pod answers on its published port",
          WITHIN);
      for (String role : List.of("notebook", "worker-1")) {
        NotebookContainer from = new NotebookContainer(SparkContainers.name(cluster, role));
        assertClosed(from, sparePod, SparkContainers.JUPYTER_PORT);
        assertClosed(from, sparePod, SparkContainers.MASTER_UI_PORT);
        assertClosed(from, "127.0.0.1", published);
        assertClosed(from, herGateway, published);
        assertClosed(from, next.placement().address(), published);
      }
    } finally {
      DockerCli.run("rm", "-f", listener);
    }
    for (String role : List.of("notebook", "worker-1")) {
      NotebookContainer from = new NotebookContainer(SparkContainers.name(cluster, role));
      for (int port : List.of(SparkContainers.MASTER_UI_PORT, SparkContainers.JUPYTER_PORT)) {
        assertClosed(from, sparePod, port);
      }
      for (int published : next.placement().ports()) {
        assertClosed(from, "127.0.0.1", published);
        assertClosed(from, herGateway, published);
        assertClosed(from, next.placement().address(), published);
      }
    }
  }

  /** Whether an HTTP server answers at host:port (from the machine, where the portal is). */
  private static boolean answers(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      s.setSoTimeout(2000);
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes());
      byte[] head = s.getInputStream().readNBytes(12);
      return new String(head).startsWith("HTTP/1.");
    } catch (IOException e) {
      return false;
    }
  }

  private static String address(String subnet, int n) {
    String base = subnet.substring(0, subnet.indexOf('/'));
    return base.substring(0, base.lastIndexOf('.') + 1) + n;
  }

  /** A TCP connection from inside the container, as its user, is refused or never answered. */
  private static void assertClosed(NotebookContainer from, String host, int port) {
    assertThat(from.opens(host, port)).as("%s reaching %s:%d", from.name(), host, port).isFalse();
  }

  @Test
  void theOrphanSweepKeepsSparePodsThoughNoClusterRecordNamesThem() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    String pod = podId(spare.id());
    // the spare's id is "gone" (no cluster record names it), and nothing is too young to remove;
    // every other cluster of the shared test portal is left alone
    List<Leftover> removed =
        runtime.removeLeftovers(
            found -> found.contains(spare.id()) ? Set.of(spare.id()) : Set.of(), Duration.ZERO);
    assertThat(removed).extracting(Leftover::clusterId).doesNotContain(spare.id());
    assertThat(running(pod)).as("the spare's pod survives the sweep").isTrue();
    assertThat(capacity.spareIds()).contains(spare.id());
  }

  @Test
  void aDrainedHostLosesItsSparePodsAndGetsThemBackWhenUndrained() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    String pod = podId(spare.id());
    hosts.setDrained(local.id(), true, "test");
    LiveWorkspaces.awaitTrue(
        () ->
            spareOnLocal().isEmpty()
                && !running(pod)
                && DockerCli.run("network", "inspect", SparkContainers.networkName(spare.id()))
                        .exitCode()
                    != 0,
        "the drained host's spare removed, its network with it",
        WITHIN);
    LiveWorkspaces.awaitTrue(
        () ->
            heldBy(spare.id(), "host_ports") == 0
                && heldBy(spare.id(), "host_subnets") == 0
                && jdbc.queryForObject(
                        "select count(*) from host_left_behind where cluster_id = ?",
                        Long.class,
                        spare.id())
                    == 0,
        "its ports and subnet free again once its network is gone",
        WITHIN);
    hosts.setDrained(local.id(), false, "test");
    assertThat(aSpareOnTheLocalHost().id()).isNotEqualTo(spare.id());
  }

  @Test
  void withoutRoomOnTheSparesHostNothingIsAdoptedAndTheSpareStays() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    assertThat(adoptedAndRolledBack())
        .as("with room, the spare would be adopted")
        .contains(spare.id());
    jdbc.update(
        "insert into host_leases (host_id, workspace_id, role, cpus, memory_mb, created_at)"
            + " values (?, ?, 'hog', 100000, 100000000, now())",
        local.id(),
        hog);
    assertThat(adoptedAndRolledBack()).isEmpty();
    assertThat(capacity.spareIds()).contains(spare.id());
    assertThat(capacity.placementsOf(spare.id())).as("no lease was taken").isEmpty();
    assertThat(heldBy(spare.id(), "host_ports")).isEqualTo(2L);
  }

  /** What an adoption would give, in a transaction that is rolled back. */
  private Optional<UUID> adoptedAndRolledBack() {
    return tx.execute(
        status -> {
          status.setRollbackOnly();
          return capacity.adoptSpare(demands());
        });
  }

  private long heldBy(UUID holder, String table) {
    String column = table.equals("host_ports") ? "workspace_id" : "holder_id";
    return jdbc.queryForObject(
        "select count(*) from " + table + " where " + column + " = ?", Long.class, holder);
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

  @Test
  void aSpareWhosePodIsStillBeingMadeIsNotAdopted() {
    CapacityService.Spare spare = aSpareOnTheLocalHost();
    try {
      tx.executeWithoutResult(
          status -> {
            // as the spare was between its hold and its pod running
            jdbc.update("update host_spares set made_at = null where holder_id = ?", spare.id());
            assertThat(capacity.adoptSpare(demands())).isEmpty();
            throw new IllegalStateException("roll back");
          });
    } catch (IllegalStateException expected) {
      // nothing of it stays
    }
    assertThat(capacity.spareIds()).contains(spare.id());
    assertThat(adoptedAndRolledBack()).as("once its pod runs, it is adopted").contains(spare.id());
  }

  /**
   * A network the portal did not make (here: one "left by another portal", which is what a spare of
   * a portal started on another database is) holds the subnet a new cluster would lease first: the
   * engine refuses that subnet, and the cluster, and then a spare, get another instead of failing.
   */
  @Test
  void aSubnetTakenByANetworkThePortalDidNotMakeIsAvoided() {
    pools.sparePodsPerHost(0);
    LiveWorkspaces.awaitTrue(
        () ->
            capacity.spareIds().isEmpty()
                && jdbc.queryForObject("select count(*) from host_left_behind", Long.class) == 0,
        "no spare pods, their networks removed",
        WITHIN);
    // the first subnets no holder leases here: each is someone else's now (made here, or there
    // already, left by a portal of an earlier run on this engine), up to one made by this test
    String foreign = "foreign-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> taken = new ArrayList<>();
    for (String subnet : freeSubnets()) {
      taken.add(subnet);
      DockerCli.Result made = DockerCli.run("network", "create", "--subnet", subnet, foreign);
      if (made.exitCode() == 0) {
        break;
      }
      assertThat(made.output()).as("%s is in use already", subnet).contains("overlaps");
    }
    try {
      WorkspaceView ws = live.ready("foreign-subnet", 1);
      UUID cluster = clusterOf(ws.id());
      assertThat(capacity.placementsOf(cluster).getFirst().subnet()).isNotIn(taken);

      live.delete(ws.id());
      pools.sparePodsPerHost(1);
      assertThat(aSpareOnTheLocalHost().placement().subnet()).isNotIn(taken);
    } finally {
      DockerCli.run("network", "rm", foreign);
    }
  }

  /** The /24s of the default network pool that no holder leases on the local host, in order. */
  private List<String> freeSubnets() {
    List<String> leased =
        jdbc.queryForList(
            "select subnet from host_subnets where host_id = ?", String.class, local.id());
    List<String> free = new ArrayList<>();
    for (int i = 0; i < 256; i++) {
      String subnet = "10.242." + i + ".0/24";
      if (!leased.contains(subnet)) {
        free.add(subnet);
      }
    }
    return free;
  }

  private static List<Demand> demands() {
    return List.of(
        new Demand("master", 0, 512, 2),
        new Demand("notebook", 0, 512, 0),
        new Demand("worker-1", 1, 1024, 0));
  }
}
