package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerFiles;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.NetworkInfo;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.host.HostRegistration;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.LoopbackRegistry;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.testsupport.TlsDockerEngine;
import org.workspaceportal.testsupport.UserS3;
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.MoveOffer;
import org.workspaceportal.workspace.WorkspaceMoves;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.WorkspaceCredentials;
import org.workspaceportal.workspace.engine.ScriptedSteps;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

/**
 * Clusters on two hosts: the machine's engine and a second one over TLS, in a network namespace of
 * its own with an address of its own, that starts without the image and pulls it from the machine's
 * registry. Each cluster runs whole on one host, on a network of its own there, every container at
 * an address of that network; deleting leaves nothing on either host. A host that stops makes its
 * workspaces UNREACHABLE, and they come back by themselves when it does; one that dies mid-launch
 * fails the launch cleanly.
 */
@PortalIntegrationTest
@RequiresDocker
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiHostClusterTest {

  private static final CurrentUser ADMIN = LiveWorkspaces.ADMIN;
  private static final Duration UP_TO = Duration.ofMinutes(10);

  @Autowired WorkspaceService workspaces;
  @Autowired WorkspaceMoves moves;

  @Autowired WorkspaceDoors doors;
  @Autowired ClusterProbe probe;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired ContainerEngine engines;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScriptedSteps scripted;
  @Autowired CredentialService credentials;

  private LiveWorkspaces live;
  private CurrentUser owner;
  private TlsDockerEngine second;
  private HostView secondHost;
  private TemplateView template;

  @BeforeEach
  void twoHostsAndARegistry() {
    Requirement.require("the workspace image", DockerCli.workspaceImageMissing());
    Requirement.require("a second Docker engine", TlsDockerEngine.whatIsMissing());
    Requirement.require("a loopback image registry", LoopbackRegistry.whatIsMissing());
    second = TlsDockerEngine.shared();
    second.start();
    String image =
        LoopbackRegistry.shared()
            .nameFrom(
                second.machineAddress(),
                LoopbackRegistry.shared()
                    .push(DockerCli.WORKSPACE_IMAGE, "workspace-portal/spark:multi"));
    int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
    template =
        templates.create(
            new TemplateForm("multi-" + n, "from the registry", image, "4.0.1", 2, 4, 1, 2048),
            "test");
    secondHost =
        hosts.register(
            new HostRegistration(
                "second-" + n,
                second.endpoint(),
                null,
                List.of("test=multi"),
                null,
                null,
                null,
                null,
                second.caPem(),
                second.clientCertificatePem(),
                second.clientKeyPem()),
            "test");
    assertThat(secondHost.status()).as(secondHost.lastError()).isEqualTo(HostStatus.UP);
    live = LiveWorkspaces.on(template.name(), workspaces, identity, jdbc);
    owner = live.owner();
    identity.setQuota(owner.username(), 10, 20, "test");
  }

  @AfterEach
  void leaveNothingBehind() {
    for (UUID id : live.made()) {
      EngineEndpoint endpoint = hosts.endpointOf(secondHost.id());
      engines
          .containers(endpoint, labels(id))
          .forEach(c -> engines.removeContainer(endpoint, c.id()));
      engines.volumes(endpoint, labels(id)).forEach(v -> engines.removeVolume(endpoint, v));
    }
    live.cleanUp();
    hosts.remove(secondHost.id(), "test");
    templates.setEnabled(template.id(), false, "test");
  }

  @Test
  @Order(1) // before the other tests here put the image on the second engine
  void eachClusterRunsWholeOnOneHostOnItsOwnNetworkAndTheSecondHostPullsTheImage()
      throws Exception {
    EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
    assertThat(engines.hasImage(secondEndpoint, template.image()))
        .as("the second engine starts without the image")
        .isFalse();

    UUID a = approveOn(secondHost.id(), request("alpha"));
    UUID b = approveOn(localHostId(), request("beta"));
    WorkspaceView readyA = await(a, w -> w.status() == WorkspaceStatus.READY);
    WorkspaceView readyB = await(b, w -> w.status() == WorkspaceStatus.READY);

    assertThat(engines.hasImage(secondEndpoint, template.image())).isTrue();
    for (WorkspaceView ready : List.of(readyA, readyB)) {
      assertThat(ready.cluster().workersAlive()).isEqualTo(2);
      assertThat(ready.cluster().members())
          .extracting(ClusterView.Member::host)
          .as("every container of %s on one host", ready.name())
          .containsOnly(ready.id().equals(a) ? secondHost.name() : localHost().name());
    }
    // every container of a cluster at an address of its own network, on the host it was placed on
    assertOnItsOwnNetwork(a, secondEndpoint);
    assertOnItsOwnNetwork(b, hosts.endpointOf(localHostId()));
    assertThat(networkOn(secondEndpoint, b)).as("B's network is not on A's host").isNull();
    List<Integer> portsA = ports(a);
    List<Integer> portsB = ports(b);
    assertThat(portsA)
        .as("published, for the gateway: the master's UI and the notebook's Jupyter")
        .hasSize(2)
        .doesNotHaveDuplicates();
    assertThat(portsB).hasSize(2);

    workspaces.delete(a, owner);
    workspaces.delete(b, owner);
    await(a, w -> w.status() == WorkspaceStatus.DELETED);
    await(b, w -> w.status() == WorkspaceStatus.DELETED);
    for (UUID id : List.of(a, b)) {
      assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id))
          .isEmpty();
      assertThat(engines.containers(secondEndpoint, labels(id))).isEmpty();
      assertThat(engines.volumes(secondEndpoint, labels(id))).isEmpty();
      assertThat(networkOn(secondEndpoint, id)).isNull();
      assertThat(networkOn(hosts.endpointOf(localHostId()), id)).isNull();
      assertThat(ports(id)).isEmpty();
    }
  }

  /**
   * Every container of the cluster runs, on its network; the master and every worker advertise an
   * address of that network's subnet (what Spark tells the others to connect to), so none is on the
   * host's network or another host's.
   */
  private void assertOnItsOwnNetwork(UUID id, EngineEndpoint endpoint) throws Exception {
    assertThat(networkOn(endpoint, id)).as("the cluster's network on its host").isNotNull();
    String subnet =
        jdbc.queryForObject(
            "select subnet from host_subnets where holder_id = ?", String.class, id);
    String prefix = subnet.substring(0, subnet.lastIndexOf('.') + 1);
    assertThat(engines.containers(endpoint, labels(id)))
        .hasSize(5) // master, two workers, notebook, their pod
        .allMatch(c -> "running".equals(c.state()));
    var door = doors.byId(id).orElseThrow();
    JsonNode status = probe.masterStatus(door.sparkUi(), door.sparkKey());
    assertThat(status).as("the master's status, asked as the portal asks it").isNotNull();
    assertThat(status.path("url").asString()).startsWith("spark://" + prefix);
    assertThat(status.path("workers"))
        .hasSize(2)
        .allSatisfy(w -> assertThat(w.path("host").asString()).startsWith(prefix));
  }

  private NetworkInfo networkOn(EngineEndpoint endpoint, UUID id) {
    return engines.labelledNetworks(endpoint, labels(id)).stream().findFirst().orElse(null);
  }

  /**
   * Issue 22: the notebook's host engine is killed while the workspace runs. What the last periodic
   * save put in the bucket is there, readable with the workspace's own key; what was written after
   * it is lost with the host (at most a save interval of work).
   */
  @Test
  void aHostKilledMidRunLeavesTheLastSaveInTheBucketAndLosesOnlyWhatCameAfter() {
    UUID id = readyOn(secondHost.id(), "lost", Retention.DESTROY);
    UUID cluster =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?", UUID.class, id);
    EngineEndpoint endpoint = hosts.endpointOf(secondHost.id());
    String notebook = SparkContainers.name(cluster, "notebook");
    WorkspaceCredentials key = credentials.reveal(id, owner, "test");

    writeInto(endpoint, notebook, "saved.ipynb", "kept by the periodic save");
    awaitPeriodicSave(id);
    writeInto(endpoint, notebook, "lost.ipynb", "written after the last save");

    second.stop();
    try {
      await(id, w -> w.status() == WorkspaceStatus.UNREACHABLE);
      String manifest =
          jdbc.queryForObject(
              "select manifest from workspace_files where workspace_id = ?", String.class, id);
      assertThat(manifest).contains("saved.ipynb").doesNotContain("lost.ipynb");
      try (S3Client s3 = UserS3.client(key)) {
        assertThat(
                s3.getObjectAsBytes(b -> b.bucket(key.bucket()).key(".workspace-files/saved.ipynb"))
                    .asUtf8String())
            .as("in her bucket, read with her own key")
            .contains("kept by the periodic save");
        assertThat(
                s3.listObjectsV2(b -> b.bucket(key.bucket()).prefix(".workspace-files/lost"))
                    .contents())
            .isEmpty();
      }
    } finally {
      second.start();
    }
    awaitSecondHostUp();
  }

  /**
   * Issue 22: a stop gives the first host back; with that host full (drained here), the start
   * places the cluster on the other engine and restores the notebook's files there before Jupyter
   * opens.
   */
  @Test
  void aStoppedWorkspaceStartsOnTheOtherHostWhenItsFirstIsFullWithItsFiles() {
    UUID local = localHostId();
    UUID id = readyOn(local, "moves", Retention.ERADICATE);
    UUID cluster =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?", UUID.class, id);
    String notebook = SparkContainers.name(cluster, "notebook");
    writeInto(hosts.endpointOf(local), notebook, "moved.ipynb", "written on the first host");

    workspaces.stop(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(engines.containers(hosts.endpointOf(local), labels(cluster))).isEmpty();
    hosts.setDrained(local, true, "test");
    try {
      workspaces.start(id, owner);
      WorkspaceView started = await(id, w -> w.status() == WorkspaceStatus.READY);
      assertThat(started.cluster().members())
          .extracting(ClusterView.Member::host)
          .as("placed anew, on the host that has room")
          .containsOnly(secondHost.name());
    } finally {
      hosts.setDrained(local, false, "test");
    }
    StringBuilder found = new StringBuilder();
    engines.readFiles(
        hosts.endpointOf(secondHost.id()),
        notebook,
        SparkContainers.NOTEBOOK_DIR,
        (e, in) -> {
          if (e.path().equals("moved.ipynb")) {
            found.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          }
        });
    assertThat(found.toString()).contains("written on the first host");
  }

  /** Writes a file into a container's notebook folder through the engine, as a user would. */
  private void writeInto(EngineEndpoint endpoint, String container, String name, String text) {
    byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ContainerFiles.Entry entry =
        new ContainerFiles.Entry(name, bytes.length, java.time.Instant.now(), 0644, false);
    engines.writeFiles(
        endpoint,
        container,
        SparkContainers.NOTEBOOK_DIR,
        1080,
        1080,
        List.<ContainerFiles.Source>of(
                new ContainerFiles.Source() {
                  @Override
                  public ContainerFiles.Entry entry() {
                    return entry;
                  }

                  @Override
                  public java.io.InputStream open() {
                    return new java.io.ByteArrayInputStream(bytes);
                  }
                })
            .iterator());
  }

  /** Approves the request with every other host drained, so that it lands on {@code host}. */
  private UUID approveOn(UUID host, UUID id) {
    List<UUID> others =
        hosts.list().stream()
            .map(HostView::id)
            .filter(h -> !h.equals(host) && !hosts.get(h).drained())
            .toList();
    others.forEach(h -> hosts.setDrained(h, true, "test"));
    try {
      approve(id);
      await(
          id,
          w ->
              w.steps().stream()
                  .anyMatch(s -> s.kind() == StepKind.PLACE && s.status() == StepStatus.SUCCEEDED));
    } finally {
      others.forEach(h -> hosts.setDrained(h, false, "test"));
    }
    return id;
  }

  private HostView localHost() {
    return hosts.get(localHostId());
  }

  @Test
  void aHostThatDiesMidLaunchFailsTheWorkspaceCleanlyAndNothingIsLeftOnceItIsBack() {
    // all of the cluster on the second host, held just before its workers start
    hosts.setDrained(localHostId(), true, "test");
    UUID id;
    String name;
    try {
      id = request("dies");
      name = workspaces.get(id, ADMIN).name();
      scripted.always(
          name,
          StepKind.WORKERS,
          StepOutcome.checkAgain(
              Duration.ofMillis(300), "held by the test", Duration.ofMinutes(10)));
      approve(id);
      await(
          id,
          w ->
              w.steps().stream()
                  .anyMatch(s -> s.kind() == StepKind.WORKERS && s.status() == StepStatus.WAITING));
    } finally {
      hosts.setDrained(localHostId(), false, "test");
    }

    second.stop();
    try {
      scripted.release(name, StepKind.WORKERS);
      WorkspaceView failed = await(id, w -> w.status() == WorkspaceStatus.FAILED);
      assertThat(failed.statusReason())
          .contains("Start the Spark workers")
          .contains("connection refused");
      // deleting it cannot reach the host yet: the deletion fails and says where, leaving nothing
      // forgotten in the records
      workspaces.delete(id, owner);
      WorkspaceView notYet = await(id, w -> w.status() == WorkspaceStatus.FAILED);
      assertThat(notYet.statusReason()).contains("Could not remove the cluster's containers");
    } finally {
      second.start();
    }
    awaitSecondHostUp();
    workspaces.delete(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.DELETED);
    EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
    assertThat(engines.containers(secondEndpoint, labels(id))).isEmpty();
    assertThat(engines.volumes(secondEndpoint, labels(id))).isEmpty();
    assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id)).isEmpty();
    assertThat(ports(id)).isEmpty();
  }

  @Test
  void aWorkspaceWhoseSecondHostStopsIsUnreachableAndComesBackByItselfWhenTheHostDoes() {
    // an image tag of its own, so that the other tests still find the second engine without theirs
    String image =
        LoopbackRegistry.shared()
            .nameFrom(
                second.machineAddress(),
                LoopbackRegistry.shared()
                    .push(DockerCli.WORKSPACE_IMAGE, "workspace-portal/spark:unreachable"));
    TemplateView own =
        templates.create(
            new TemplateForm(
                LiveWorkspaces.uniqueName("unreachable"),
                "a host goes away",
                image,
                "4.0.1",
                2,
                4,
                1,
                2048),
            "test");
    try {
      UUID id =
          live.request(
                  new WorkspaceRequest(
                      LiveWorkspaces.uniqueName("away"),
                      null,
                      own.name(),
                      2,
                      false,
                      Retention.ERADICATE,
                      null))
              .id();
      approveOn(secondHost.id(), id);
      WorkspaceView ready = await(id, w -> w.status() == WorkspaceStatus.READY);
      assertThat(ready.cluster().members())
          .extracting(ClusterView.Member::host)
          .as("the cluster runs on the second host")
          .containsOnly(secondHost.name());
      EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
      // pulled before the engine stops: nothing needs pulling when it is back
      assertThat(engines.hasImage(secondEndpoint, image)).isTrue();
      List<String> onSecond =
          engines.containers(secondEndpoint, labels(id)).stream().map(ContainerInfo::name).toList();
      assertThat(onSecond).isNotEmpty();

      second.stop();
      try {
        WorkspaceView unreachable = await(id, w -> w.status() == WorkspaceStatus.UNREACHABLE);
        assertThat(unreachable.statusReason()).contains(secondHost.name()).contains("answer");
        assertThat(hosts.get(secondHost.id()).status()).isEqualTo(HostStatus.DOWN);
      } finally {
        second.start();
      }
      awaitSecondHostUp();

      WorkspaceView back = await(id, w -> w.status() == WorkspaceStatus.READY);
      assertThat(back.history())
          .extracting(WorkspaceView.HistoryEntry::to)
          .as("through UNREACHABLE, by itself")
          .contains(WorkspaceStatus.UNREACHABLE);
      List<WorkspaceView.HistoryEntry> afterwards =
          back.history()
              .subList(
                  back.history().stream()
                          .map(WorkspaceView.HistoryEntry::to)
                          .toList()
                          .lastIndexOf(WorkspaceStatus.UNREACHABLE)
                      + 1,
                  back.history().size());
      assertThat(afterwards).extracting(WorkspaceView.HistoryEntry::actor).containsOnly("portal");
      // READY as it was, or repaired: a repair that starts while the engine is still settling may
      // fail (DEGRADED again) and the next one succeed, within the reconciler's bounded tries
      List<WorkspaceStatus> path = afterwards.stream().map(WorkspaceView.HistoryEntry::to).toList();
      assertThat(path).as("READY as it was, or repaired").last().isEqualTo(WorkspaceStatus.READY);
      assertThat(path.subList(0, path.size() - 1))
          .as("only repairs on the way back: %s", path)
          .allMatch(st -> st == WorkspaceStatus.DEGRADED || st == WorkspaceStatus.REPAIRING);
      assertThat(path.stream().filter(st -> st == WorkspaceStatus.REPAIRING).count())
          .as("within the bounded number of automatic repairs: %s", path)
          .isLessThanOrEqualTo(3);
      assertThat(back.cluster().members())
          .extracting(ClusterView.Member::state)
          .containsOnly("running");
      assertThat(back.cluster().workersAlive()).isEqualTo(2);
      assertThat(engines.containers(secondEndpoint, labels(id)))
          .as("the same containers on the second host, running again, none made twice")
          .allMatch(c -> "running".equals(c.state()))
          .extracting(ContainerInfo::name)
          .containsExactlyInAnyOrderElementsOf(onSecond);
      assertThat(onSecond)
          .as("one container of each role and the pod, all on the second host")
          .hasSize(5);
      assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id))
          .isEmpty();

      workspaces.delete(id, owner);
      await(id, w -> w.status() == WorkspaceStatus.DELETED);
      assertThat(engines.containers(secondEndpoint, labels(id))).isEmpty();
      assertThat(engines.volumes(secondEndpoint, labels(id))).isEmpty();
      assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id))
          .isEmpty();
    } finally {
      templates.setEnabled(own.id(), false, "test");
    }
  }

  /**
   * Issue 22, a host lost for good: its owner moves the UNREACHABLE workspace to the host that
   * answers, from the notebooks' last save; when the lost host comes back, what the cluster left
   * there (with its old secrets) is swept away, and a deletion leaves nothing on either engine.
   */
  @Test
  void
      anUnreachableWorkspaceMovesToTheHostThatAnswersFromItsLastSaveAndItsOldContainersGoWhenTheHostIsBack() {
    UUID id = readyOn(secondHost.id(), "move", Retention.ERADICATE);
    UUID cluster =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?", UUID.class, id);
    EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
    String notebook = SparkContainers.name(cluster, "notebook");
    String savedText = "kept by the periodic save: ünïcödé \u2713\n".repeat(50);
    writeInto(secondEndpoint, notebook, "saved.ipynb", savedText);
    awaitPeriodicSave(id);
    writeInto(secondEndpoint, notebook, "unsaved.ipynb", "written after the last save");
    List<String> onSecond =
        engines.containers(secondEndpoint, labels(cluster)).stream()
            .filter(c -> "running".equals(c.state()))
            .map(ContainerInfo::name)
            .toList();
    assertThat(onSecond).as("master, notebook, a worker and their pod").hasSize(4);
    List<Integer> oldPorts = ports(cluster);
    assertThat(oldPorts).as("the pod's two published ports").hasSize(2);
    assertThatThrownBy(() -> moves.move(id, owner))
        .as("a READY workspace is not moved this way")
        .hasMessageContaining("it is READY");

    second.stop();
    WorkspaceView moved;
    try {
      await(id, w -> w.status() == WorkspaceStatus.UNREACHABLE);
      MoveOffer offer = moves.terms(id, owner);
      assertThat(offer.silentHosts()).containsExactly(secondHost.name());
      assertThat(offer.notebookHost()).isEqualTo(secondHost.name());
      assertThat(offer.lastSavedAt()).isNotNull();

      moves.move(id, owner);
      moved = await(id, w -> w.status() == WorkspaceStatus.READY);
    } finally {
      second.start();
    }
    assertThat(moved.cluster().members())
        .extracting(ClusterView.Member::host)
        .as("placed anew, on the host that answers")
        .containsOnly(localHost().name());
    assertThat(moved.history())
        .filteredOn(h -> h.to() == WorkspaceStatus.MOVING)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.actor()).isEqualTo(owner.username());
              assertThat(h.reason())
                  .contains("Host " + secondHost.name() + " does not answer")
                  .contains("the notebooks come back from their save of")
                  .contains("after it is lost");
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'workspace.moving' and actor = ?"
                    + " and detail like ?",
                Long.class,
                owner.username(),
                "%UNREACHABLE → MOVING%"))
        .isEqualTo(1);
    java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
    List<String> names = new java.util.ArrayList<>();
    engines.readFiles(
        hosts.endpointOf(localHostId()),
        notebook,
        SparkContainers.NOTEBOOK_DIR,
        (e, in) -> {
          names.add(e.path());
          if (e.path().equals("saved.ipynb")) {
            in.transferTo(saved);
          }
        });
    assertThat(saved.toByteArray())
        .as("restored byte for byte")
        .isEqualTo(savedText.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(names).as("what came after the last save is lost").doesNotContain("unsaved.ipynb");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_leases where workspace_id = ? and host_id = ?",
                Long.class,
                cluster,
                secondHost.id()))
        .isZero();
    // its old pod may still hold them when the host answers again: the ports it published there
    // and its subnet stay leased, under a holder of their own, for no new cluster to collide with
    assertThat(leftBehindPorts(cluster, secondHost.id())).isEqualTo(oldPorts);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_subnets s join host_left_behind l"
                    + " on l.holder_id = s.holder_id where l.cluster_id = ? and s.host_id = ?",
                Long.class,
                cluster,
                secondHost.id()))
        .isOne();

    // the lost host answers again: its old containers of the cluster go, with their volumes
    awaitSecondHostUp();
    LiveWorkspaces.awaitTrue(
        () ->
            engines.containers(secondEndpoint, labels(cluster)).isEmpty()
                && engines.volumes(secondEndpoint, labels(cluster)).isEmpty(),
        "the cluster's old containers and volumes on the second host are swept",
        Duration.ofMinutes(2));
    // the pass audits what it removed once it is through the host (networks too): a moment later
    LiveWorkspaces.awaitTrue(
        () ->
            jdbc.queryForObject(
                    "select count(*) from audit_events where action = 'reconciler.orphan-removed'"
                        + " and detail like ?",
                    Long.class,
                    "%" + cluster + "%no longer runs on this host%")
                >= onSecond.size(),
        "each old container audited",
        Duration.ofSeconds(30));
    LiveWorkspaces.awaitTrue(
        () -> leftBehindPorts(cluster, secondHost.id()).isEmpty(),
        "the ports and subnet left on the second host are free once nothing of the cluster is"
            + " there",
        Duration.ofMinutes(2));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_left_behind where cluster_id = ?", Long.class, cluster))
        .isZero();
    WorkspaceView still = workspaces.get(id, owner);
    assertThat(still.status()).isEqualTo(WorkspaceStatus.READY);
    assertThat(engines.containers(hosts.endpointOf(localHostId()), labels(cluster)))
        .as("the moved cluster keeps running on the local host, under the same names")
        .filteredOn(c -> "running".equals(c.state()))
        .extracting(ContainerInfo::name)
        .containsExactlyInAnyOrderElementsOf(onSecond);

    workspaces.delete(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(engines.containers(secondEndpoint, labels(cluster))).isEmpty();
    assertThat(engines.volumes(secondEndpoint, labels(cluster))).isEmpty();
    assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + cluster))
        .isEmpty();
    assertThat(DockerCli.volumesLabelled(SparkContainers.WORKSPACE_LABEL + "=" + cluster))
        .isEmpty();
    assertThat(ports(id)).isEmpty();
  }

  /**
   * The move's window: the lost host answers again after the stop's steps, and the start chooses
   * it. Nothing of the cluster's old run there is taken up again: new containers (the old ones had
   * the old Jupyter token), the notebooks as the save has them and nothing newer.
   */
  @Test
  void aLostHostThatAnswersAgainMidMoveAndIsChosenKeepsNothingOfTheOldRun() {
    UUID id = readyOn(secondHost.id(), "back", Retention.ERADICATE);
    String name = workspaces.get(id, ADMIN).name();
    UUID cluster =
        jdbc.queryForObject(
            "select cluster_id from workspace_clusters where workspace_id = ?", UUID.class, id);
    EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
    String notebook = SparkContainers.name(cluster, "notebook");
    writeInto(secondEndpoint, notebook, "saved.ipynb", "in the save");
    awaitPeriodicSave(id);
    writeInto(secondEndpoint, notebook, "unsaved.ipynb", "written after the last save");
    List<String> oldContainers =
        engines.containers(secondEndpoint, labels(cluster)).stream()
            .map(ContainerInfo::id)
            .toList();

    second.stop();
    try {
      await(id, w -> w.status() == WorkspaceStatus.UNREACHABLE);
      scripted.always(
          name,
          StepKind.PLACE,
          StepOutcome.checkAgain(
              Duration.ofMillis(300), "held by the test", Duration.ofMinutes(10)));
      moves.move(id, owner);
      await(
          id,
          w ->
              w.steps().stream()
                  .anyMatch(s -> s.kind() == StepKind.PLACE && s.status() == StepStatus.WAITING));
      assertThat(leftBehindPorts(cluster, secondHost.id()))
          .as("the stop let go of the silent host's ports: they stay leased, left behind")
          .hasSize(2);
    } finally {
      second.start();
    }
    awaitSecondHostUp();
    WorkspaceView moved;
    hosts.setDrained(localHostId(), true, "test");
    try {
      scripted.release(name, StepKind.PLACE);
      moved = await(id, w -> w.status() == WorkspaceStatus.READY);
    } finally {
      hosts.setDrained(localHostId(), false, "test");
    }

    assertThat(moved.cluster().members())
        .extracting(ClusterView.Member::host)
        .as("placed on the host that came back")
        .containsOnly(secondHost.name());
    LiveWorkspaces.awaitTrue(
        () -> leftBehindPorts(cluster, secondHost.id()).isEmpty(),
        "what the stop left on the host is free: the placement there cleared the old run",
        Duration.ofMinutes(2));
    assertThat(engines.containers(secondEndpoint, labels(cluster)))
        .extracting(ContainerInfo::id)
        .as("none of the old run's containers")
        .doesNotContainAnyElementsOf(oldContainers);
    List<String> names = new java.util.ArrayList<>();
    engines.readFiles(
        secondEndpoint, notebook, SparkContainers.NOTEBOOK_DIR, (e, in) -> names.add(e.path()));
    assertThat(names).contains("saved.ipynb").doesNotContain("unsaved.ipynb");

    workspaces.delete(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(engines.containers(secondEndpoint, labels(cluster))).isEmpty();
    assertThat(engines.volumes(secondEndpoint, labels(cluster))).isEmpty();
    assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + cluster))
        .isEmpty();
  }

  private UUID localHostId() {
    return hosts.list().stream()
        .filter(h -> h.endpoint().startsWith("unix://"))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** A one-worker workspace of the test's template, approved onto the host, once it is READY. */
  private UUID readyOn(UUID hostId, String name, Retention retention) {
    UUID id =
        live.request(
                new WorkspaceRequest(
                    LiveWorkspaces.uniqueName(name),
                    null,
                    template.name(),
                    1,
                    false,
                    retention,
                    null))
            .id();
    approveOn(hostId, id);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    return id;
  }

  /**
   * Makes the workspace due for its periodic save (READY for longer than the interval) and waits
   * until the portal's task saved its notebooks.
   */
  private void awaitPeriodicSave(UUID id) {
    jdbc.update("update workspaces set updated_at = now() - interval '1 hour' where id = ?", id);
    LiveWorkspaces.awaitTrue(
        () ->
            jdbc.queryForObject(
                    "select count(*) from workspace_files where workspace_id = ?"
                        + " and saved_at is not null",
                    Long.class,
                    id)
                > 0,
        "the periodic save",
        Duration.ofMinutes(3));
  }

  /** Waits until the second host is UP again (the health check runs every second in tests). */
  private void awaitSecondHostUp() {
    LiveWorkspaces.awaitTrue(
        () -> hosts.get(secondHost.id()).status() == HostStatus.UP,
        "the second host is UP again",
        Duration.ofSeconds(60));
  }

  private static Map<String, String> labels(UUID id) {
    return Map.of(SparkContainers.WORKSPACE_LABEL, id.toString());
  }

  private List<Integer> ports(UUID id) {
    return jdbc.queryForList(
        "select port from host_ports where workspace_id = ? order by port", Integer.class, id);
  }

  /** The ports a cluster left behind on a host when it let go of them while it was silent. */
  private List<Integer> leftBehindPorts(UUID cluster, UUID hostId) {
    return jdbc.queryForList(
        "select p.port from host_ports p join host_left_behind l on l.holder_id = p.workspace_id"
            + " where l.cluster_id = ? and p.host_id = ? order by p.port",
        Integer.class,
        cluster,
        hostId);
  }

  private UUID request(String prefix) {
    return live.request(prefix, 2).id();
  }

  private UUID approve(UUID id) {
    return live.approve(id).id();
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    return live.await(id, condition, UP_TO);
  }
}
