package org.workspaceportal.workspace.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * The reconciler against the machine's real engine: a worker removed by hand is noticed and
 * recreated, and a container and volume this portal labelled for a workspace it never had are
 * removed while another portal's are left alone.
 */
@PortalIntegrationTest
@RequiresDocker
class ClusterReconcilerTest {

  @Autowired WorkspaceService workspaces;

  @Autowired WorkspaceDoors doors;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired ClusterProbe probe;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry registry;

  private LiveWorkspaces live;
  private CurrentUser owner;
  private final List<String> labels = new ArrayList<>();

  @BeforeEach
  void owner() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    owner = live.owner();
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
    labels.forEach(DockerCli::removeLabelled);
  }

  @Test
  void aWorkerRemovedByHandMakesTheWorkspaceDegradedAndItRepairsItselfBackToReady() {
    WorkspaceView ws = live.approved("mend", 1);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    String worker = SparkContainers.name(ws.id(), "worker-1");
    double succeededBefore = repairs("succeeded");

    assertThat(DockerCli.run("rm", "-f", worker).exitCode()).isZero();

    WorkspaceView repaired =
        live.await(
            ws.id(),
            w ->
                w.status() == WorkspaceStatus.READY
                    && w.history().stream().anyMatch(h -> h.to() == WorkspaceStatus.REPAIRING)
                    && w.cluster().workersAlive() == 1);
    WorkspaceView.HistoryEntry degraded =
        repaired.history().stream()
            .filter(h -> h.to() == WorkspaceStatus.DEGRADED)
            .findFirst()
            .orElseThrow();
    assertThat(degraded.actor()).isEqualTo("portal");
    assertThat(degraded.reason()).contains("worker-1").contains("vanished");
    assertThat(repaired.history().getLast().from()).isEqualTo(WorkspaceStatus.REPAIRING);
    assertThat(repaired.cluster().members())
        .extracting(ClusterView.Member::state)
        .containsOnly("running");
    assertThat(DockerCli.run("inspect", "--format", "{{.State.Running}}", worker).output())
        .contains("true");
    assertThat(DockerCli.containersLabelled(label))
        .hasSize(4); // master, worker, notebook and their pod
    var door = doors.byId(ws.id()).orElseThrow();
    assertThat(probe.aliveWorkers(door.sparkUi(), door.sparkKey())).isEqualTo(1);
    assertThat(repairs("succeeded")).isGreaterThan(succeededBefore);
    assertThat(audited("workspace.degraded", owner.username() + "/" + ws.name())).isPositive();
    assertThat(audited("workspace.repairing", owner.username() + "/" + ws.name())).isPositive();

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
  }

  @Test
  void aContainerAndAVolumeLabelledForAWorkspaceThePortalNeverHadAreRemoved() {
    UUID unknown = UUID.randomUUID();
    String mine = jdbc.queryForObject("select id from portal_installation", String.class);
    String ws = SparkContainers.WORKSPACE_LABEL + "=" + unknown;
    labels.add(ws);
    String suffix = unknown.toString().substring(0, 8);
    String orphan = "wsp-orphan-" + suffix;
    String foreign = "wsp-foreign-" + suffix;
    String ours = SparkContainers.INSTALLATION_LABEL + "=" + mine;
    String theirs = SparkContainers.INSTALLATION_LABEL + "=" + UUID.randomUUID();
    assertThat(DockerCli.run("volume", "create", "--label", ws, "--label", ours, orphan).exitCode())
        .isZero();
    assertThat(
            DockerCli.run(
                    "create",
                    "--name",
                    orphan,
                    "--label",
                    ws,
                    "--label",
                    ours,
                    "-v",
                    orphan + ":/scratch",
                    DockerCli.WORKSPACE_IMAGE,
                    "true")
                .exitCode())
        .isZero();
    assertThat(
            DockerCli.run(
                    "create",
                    "--name",
                    foreign,
                    "--label",
                    ws,
                    "--label",
                    theirs,
                    DockerCli.WORKSPACE_IMAGE,
                    "true")
                .exitCode())
        .isZero();
    double removedBefore = orphansRemoved("container");

    LiveWorkspaces.awaitTrue(
        () ->
            DockerCli.containersLabelled(ours).stream().noneMatch(orphan::equals)
                && DockerCli.volumesLabelled(ours).stream().noneMatch(orphan::equals),
        "the orphan container and volume are removed",
        Duration.ofMinutes(1));

    assertThat(DockerCli.containersLabelled(theirs))
        .as("another portal's container is not this portal's to remove")
        .containsExactly(foreign);
    assertThat(orphansRemoved("container")).isGreaterThan(removedBefore);
    assertThat(orphansRemoved("volume")).isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'reconciler.orphan-removed'"
                    + " and detail like ?",
                Long.class,
                "%" + unknown + "%"))
        .as("the container and the volume, each audited")
        .isEqualTo(2);
  }

  private double repairs(String outcome) {
    Counter c = registry.find("portal.workspace.repairs").tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  private double orphansRemoved(String kind) {
    Counter c = registry.find("portal.reconciler.orphans.removed").tag("kind", kind).counter();
    return c == null ? 0 : c.count();
  }

  private long audited(String action, String target) {
    return jdbc.queryForObject(
        "select count(*) from audit_events where action = ? and target = ?",
        Long.class,
        action,
        target);
  }
}
