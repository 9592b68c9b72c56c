package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ContainerEngine;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.EngineEndpoint;
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
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.ScriptedSteps;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepOutcome;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/**
 * Clusters across two hosts: the machine's engine and a second one over TLS that starts without the
 * image and pulls it from a loopback registry. Two workspaces on the same hosts at once never
 * collide on ports, workers spread over both hosts, and deleting them leaves nothing on either. A
 * host that stops makes its workspaces UNREACHABLE, and they come back by themselves when it does;
 * one that dies mid-launch fails the launch cleanly.
 */
@PortalIntegrationTest
@RequiresDocker
class MultiHostClusterTest {

  private static final CurrentUser ADMIN = LiveWorkspaces.ADMIN;
  private static final Duration UP_TO = Duration.ofMinutes(10);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired ContainerEngine engines;
  @Autowired JdbcTemplate jdbc;
  @Autowired ScriptedSteps scripted;

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
        LoopbackRegistry.shared().push(DockerCli.WORKSPACE_IMAGE, "workspace-portal/spark:multi");
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
  void workersSpreadOverBothHostsTheSecondPullsTheImageAndTwoClustersShareThePortSpace() {
    EngineEndpoint secondEndpoint = hosts.endpointOf(secondHost.id());
    assertThat(engines.hasImage(secondEndpoint, template.image()))
        .as("the second engine starts without the image")
        .isFalse();

    UUID a = approve(request("alpha"));
    UUID b = approve(request("beta"));
    WorkspaceView readyA = await(a, w -> w.status() == WorkspaceStatus.READY);
    WorkspaceView readyB = await(b, w -> w.status() == WorkspaceStatus.READY);

    assertThat(engines.hasImage(secondEndpoint, template.image())).isTrue();
    for (WorkspaceView ready : List.of(readyA, readyB)) {
      assertThat(ready.cluster().workersAlive()).isEqualTo(2);
      Set<String> workerHosts = new HashSet<>();
      ready.cluster().members().stream()
          .filter(m -> m.role().startsWith("worker-"))
          .forEach(m -> workerHosts.add(m.host()));
      assertThat(workerHosts).as("workers of %s", ready.name()).hasSize(2);
    }
    List<Integer> portsA = ports(a);
    List<Integer> portsB = ports(b);
    assertThat(portsA).hasSize(2 + 4 + 2 * 2).doesNotHaveDuplicates();
    assertThat(portsB).hasSize(10).doesNotContainAnyElementsOf(portsA);

    workspaces.delete(a, owner);
    workspaces.delete(b, owner);
    await(a, w -> w.status() == WorkspaceStatus.DELETED);
    await(b, w -> w.status() == WorkspaceStatus.DELETED);
    for (UUID id : List.of(a, b)) {
      assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id))
          .isEmpty();
      assertThat(engines.containers(secondEndpoint, labels(id))).isEmpty();
      assertThat(engines.volumes(secondEndpoint, labels(id))).isEmpty();
      assertThat(ports(id)).isEmpty();
    }
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
            .push(DockerCli.WORKSPACE_IMAGE, "workspace-portal/spark:unreachable");
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
      approve(id);
      WorkspaceView ready = await(id, w -> w.status() == WorkspaceStatus.READY);
      assertThat(ready.cluster().members())
          .extracting(ClusterView.Member::host)
          .as("some of the cluster runs on the second host")
          .contains(secondHost.name());
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
      assertThat(
              DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id).size()
                  + onSecond.size())
          .as("one container of each role over both hosts")
          .isEqualTo(4);

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

  private UUID localHostId() {
    return hosts.list().stream()
        .filter(h -> h.endpoint().startsWith("unix://"))
        .findFirst()
        .orElseThrow()
        .id();
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
