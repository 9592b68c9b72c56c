package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.flashbladesim.FaultInjector;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.runtime.NoRoomException;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * A Spark cluster with a notebook for an approved workspace, on the machine's real engine, from the
 * workspace image: the whole chain from approval to a notebook that reaches its bucket, and a
 * deletion that leaves nothing.
 */
@PortalIntegrationTest
@RequiresDocker
class ClusterProvisioningTest {

  private static final CurrentUser ADMIN = LiveWorkspaces.ADMIN;

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired ClusterProbe probe;
  @Autowired JdbcTemplate jdbc;
  @Autowired ClusterLogs logs;
  @Autowired TemplateService templates;
  @Autowired FlashBladeSimulator sim;
  @Autowired WorkspaceDoors doors;

  private LiveWorkspaces live;
  private CurrentUser owner;

  @BeforeEach
  void ownerAndHost() {
    live = LiveWorkspaces.ofTheDefaultTemplate(workspaces, identity, jdbc);
    owner = live.owner();
    assertThat(hosts.list())
        .as("the local engine is registered and UP")
        .anyMatch(h -> h.endpoint().startsWith("unix://") && h.status() == HostStatus.UP);
  }

  @AfterEach
  void leaveNothingBehind() {
    // a test that failed half-way must not leave its cores held for the tests after it
    live.cleanUp();
  }

  /**
   * A new workspace is placed before its storage is made: one whose storage then fails for good
   * holds its place (and maybe the pod made ahead) until it is deleted, and its deletion saves
   * nothing (no bucket, no notebook ever ran), removes what was made and gives the room back.
   */
  @Test
  void aWorkspaceWhoseStorageFailsAfterItWasPlacedIsDeletedWithNothingLeft() {
    FaultInjector.of(sim).failNext(1, "POST", "/buckets", 400);
    try {
      WorkspaceView ws = live.approved("no-bucket", 1);
      WorkspaceView failed = live.await(ws.id(), w -> w.status() == WorkspaceStatus.FAILED);
      assertThat(failed.statusReason()).contains("Create the bucket");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from host_leases where workspace_id = ?", Long.class, ws.id()))
          .as("placed before its storage")
          .isPositive();

      workspaces.delete(ws.id(), owner);
      live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from host_leases where workspace_id = ?", Long.class, ws.id()))
          .isZero();
      assertThat(DockerCli.containersLabelled(SparkContainers.WORKSPACE_LABEL + "=" + ws.id()))
          .isEmpty();
    } finally {
      FaultInjector.of(sim).reset();
    }
  }

  @Test
  void anApprovedWorkspaceGetsASparkClusterWithANotebookThatReachesItsBucket() {
    WorkspaceView ws = live.approved("cluster", 2);

    WorkspaceView ready = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);

    ClusterView cluster = ready.cluster();
    assertThat(cluster.workersRequested()).isEqualTo(2);
    assertThat(cluster.workersAlive()).isEqualTo(2);
    assertThat(cluster.notebookReady()).isTrue();
    assertThat(cluster.members())
        .extracting(ClusterView.Member::role)
        .containsExactly("master", "notebook", "worker-1", "worker-2");
    assertThat(cluster.members()).extracting(ClusterView.Member::state).containsOnly("running");

    WorkspaceView asOwner = workspaces.get(ws.id(), owner);
    ClusterView.Links links = asOwner.cluster().links();
    assertThat(links).isNotNull();
    assertThat(links.jupyter())
        .as("the workspace's own origin on the gateway, with no token")
        .matches("http://ws-" + WorkspaceDoors.shortId(ws.id()) + "\\.localhost:\\d+/tree");
    assertThat(links.sparkUi()).isEqualTo(links.jupyter().replace("/tree", "/spark/"));
    var door = doors.byId(ws.id()).orElseThrow();
    assertThat(probe.aliveWorkers(door.sparkUi(), door.sparkKey())).isEqualTo(2);
    assertThat(probe.status(door.sparkUi() + "json/"))
        .as("the master's UI answers only requests signed with the cluster's secret")
        .isEqualTo(403);
    assertThat(probe.aliveWorkers(door.sparkUi(), door.jupyterKey()))
        .as("nor one signed with another key")
        .isEqualTo(-1);
    String base = door.jupyter();
    String token = door.jupyterKey();
    assertThat(probe.notebookAnswers(base, token)).as("a request the gateway signed").isTrue();
    assertThat(probe.status(base + "api/status")).isEqualTo(403);
    assertThat(probe.status(base + "api/status?token=" + token))
        .as("Jupyter's token itself opens nothing: only the gateway's signature does")
        .isEqualTo(403);
    assertThat(workspaces.get(ws.id(), ADMIN).cluster().links())
        .as("only the owner gets the links")
        .isNull();

    // its containers' logs, for the owner, with the secrets masked
    ContainerLog masterLog = logs.tail(ws.id(), "master", 200, owner);
    assertThat(masterLog.host()).isNotBlank();
    assertThat(String.join("\n", masterLog.lines())).contains("Registering worker");
    ContainerLog notebookLog = logs.tail(ws.id(), "notebook", 500, owner);
    assertThat(String.join("\n", notebookLog.lines())).doesNotContain(token);

    // started fast: the notebook weighs more for the CPU; the daemons map the image's
    // class-data-sharing archives (a mismatch would make the JVM start without them, silently)
    String notebook = SparkContainers.name(ws.id(), "notebook");
    assertThat(
            DockerCli.run("inspect", "-f", "{{.HostConfig.CpuShares}}", notebook).output().strip())
        .isEqualTo(String.valueOf(SparkContainers.NOTEBOOK_CPU_SHARES));
    for (String role : List.of("master", "worker-1")) {
      String archive = "/opt/spark/cds/" + role.replaceAll("-\\d+$", "") + ".jsa";
      DockerCli.Result mapped =
          DockerCli.run(
              "exec",
              SparkContainers.name(ws.id(), role),
              "sh",
              "-c",
              "grep -l " + archive + " /proc/[0-9]*/maps");
      assertThat(mapped.exitCode()).as(role + " maps " + archive).isZero();
    }

    // the notebook container reaches the bucket with its own environment
    DockerCli.Result put =
        DockerCli.run(
            "exec",
            notebook,
            "sh",
            "-c",
            "echo hello-from-the-notebook > /tmp/hello.txt && curl -sS -f --aws-sigv4"
                + " \"aws:amz:$AWS_REGION:s3\" --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
                + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' -T /tmp/hello.txt"
                + " \"$S3_ENDPOINT/$S3_BUCKET/hello.txt\" && curl -sS -f --aws-sigv4"
                + " \"aws:amz:$AWS_REGION:s3\" --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
                + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \"$S3_ENDPOINT/$S3_BUCKET/hello.txt\"");
    assertThat(put.exitCode()).as(put.output()).isZero();
    assertThat(put.output()).contains("hello-from-the-notebook");

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_ports where workspace_id = ?", Long.class, ws.id()))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from host_leases where workspace_id = ?", Long.class, ws.id()))
        .isZero();
  }

  @Test
  void stoppingAndStartingKeepsTheNotebooksFilesAndTheBucketsObjects() {
    WorkspaceView ws = live.approved("friday", 2);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    writeAFileAndAnObject(ws.id());
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    var firstDoor = doors.byId(ws.id()).orElseThrow();

    workspaces.stop(ws.id(), owner);
    WorkspaceView stopped = live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label)).as("no container runs while stopped").isEmpty();
    assertThat(stopped.cluster().members())
        .extracting(ClusterView.Member::state)
        .containsOnly("stopped");
    assertThat(workspaces.get(ws.id(), owner).cluster().links())
        .as("no link while stopped")
        .isNull();

    workspaces.start(ws.id(), owner);
    WorkspaceView started = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    assertThat(started.cluster().workersAlive()).isEqualTo(2);
    assertThat(started.steps())
        .as("the start's own steps")
        .extracting(StepView::operation)
        .contains(Operation.START);
    assertTheFileAndTheObjectAreThere(ws.id());
    var secondDoor = doors.byId(ws.id()).orElseThrow();
    assertThat(secondDoor.jupyterKey())
        .as("a fresh Jupyter key with every start: one that leaked before is worthless")
        .isNotEqualTo(firstDoor.jupyterKey());
    assertThat(probe.notebookAnswers(secondDoor.jupyter(), firstDoor.jupyterKey()))
        .as("the old key signs nothing Jupyter accepts")
        .isFalse();
    assertThat(probe.notebookAnswers(secondDoor.jupyter(), secondDoor.jupyterKey())).isTrue();

    // and a second stop and start runs fresh steps again
    workspaces.stop(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    workspaces.start(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);

    // deleting after a start tears down everything provisioning made, storage included
    workspaces.delete(ws.id(), owner);
    WorkspaceView deleted = live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(deleted.steps())
        .filteredOn(s -> s.operation() == Operation.TEARDOWN)
        .extracting(StepView::kind)
        .contains(StepKind.REMOVE_CLUSTER, StepKind.REVOKE_KEYS, StepKind.REMOVE_ACCOUNT);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).isEmpty();
  }

  @Test
  void aStopInterruptedByACrashResumesAndTheNotebooksFilesAndTheBucketsObjectsSurvive() {
    WorkspaceView ws = live.approved("halt", 2);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    writeAFileAndAnObject(ws.id());
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    String master = SparkContainers.name(ws.id(), "master");
    String notebook = SparkContainers.name(ws.id(), "notebook");
    String worker1 = SparkContainers.name(ws.id(), "worker-1");
    String worker2 = SparkContainers.name(ws.id(), "worker-2");
    String pod = SparkContainers.podName(ws.id());

    // The state a crash leaves mid-stop: the workspace STOPPING in a run of its own, the stop's
    // save RUNNING on an instance that died, the rest of the stop not begun; the notebook's and
    // worker-1's containers are gone meanwhile (the notebook's files stay in its volume), the
    // master and worker-2 still run.
    live.crashDuring(
        ws.id(),
        () -> {
          jdbc.update(
              "update workspaces set status = 'STOPPING', run = run + 1 where id = ?", ws.id());
          int ordinal = 0;
          for (String kind : List.of("SAVE_FILES", "STOP_CLUSTER", "RELEASE")) {
            jdbc.update(
                "insert into workspace_steps (workspace_id, run, operation, kind, ordinal, status,"
                    + " attempts, started_at) select id, run, 'STOP', ?, ?, ?, ?, "
                    + (ordinal == 0 ? "now()" : "null")
                    + " from workspaces where id = ?",
                kind,
                ordinal,
                ordinal == 0 ? "RUNNING" : "PENDING",
                ordinal == 0 ? 1 : 0,
                ws.id());
            ordinal++;
          }
          assertThat(DockerCli.run("rm", "-f", notebook).exitCode()).isZero();
          assertThat(DockerCli.run("rm", "-f", worker1).exitCode()).isZero();
          assertThat(DockerCli.containersLabelled(label))
              .containsExactlyInAnyOrder(master, worker2, pod);
        });

    WorkspaceView stopped = live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label))
        .as("the instance that took over removed the rest")
        .isEmpty();
    assertThat(stopped.steps())
        .filteredOn(s -> s.operation() == Operation.STOP && s.kind() == StepKind.SAVE_FILES)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.attempts()).as("the dead instance's attempt, then ours").isEqualTo(2));
    assertThat(DockerCli.volumesLabelled(label))
        .as("the notebook's files were saved from its volume to the bucket: nothing stays")
        .isEmpty();

    workspaces.start(ws.id(), owner);
    WorkspaceView started = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    assertThat(DockerCli.containersLabelled(label))
        .as("one of each, none made twice")
        .containsExactlyInAnyOrder(master, notebook, worker1, worker2, pod);
    assertThat(started.cluster().workersAlive()).isEqualTo(2);
    assertTheFileAndTheObjectAreThere(ws.id());

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).isEmpty();
  }

  @Test
  void aStartInterruptedByACrashResumesWithoutASecondCopyOfAnyContainer() {
    WorkspaceView ws = live.approved("monday", 2);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    writeAFileAndAnObject(ws.id());
    workspaces.stop(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    workspaces.start(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    String worker1 = SparkContainers.name(ws.id(), "worker-1");
    String worker2 = SparkContainers.name(ws.id(), "worker-2");
    Map<String, String> before = containerIdsByName(label);
    assertThat(before).hasSize(5); // master, two workers, notebook, their pod

    // The state a crash leaves mid-start: the workers' step RUNNING on an instance that died,
    // worker-1 made but not started, worker-2 not made yet, the readiness steps not run; the
    // master and the notebook run.
    live.crashDuring(
        ws.id(),
        () -> {
          live.rewind(
              ws.id(),
              Operation.START,
              StepKind.WORKERS,
              StepKind.NOTEBOOK_READY,
              StepKind.WORKERS_READY);
          assertThat(DockerCli.run("stop", "-t", "1", worker1).exitCode()).isZero();
          assertThat(DockerCli.run("rm", "-f", worker2).exitCode()).isZero();
        });

    WorkspaceView resumed = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    Map<String, String> after = containerIdsByName(label);
    assertThat(after.keySet())
        .as("one of each, none made twice")
        .containsExactlyInAnyOrderElementsOf(before.keySet());
    assertThat(DockerCli.containerIds(label)).hasSize(5);
    for (String role : List.of("master", "notebook", "worker-1")) {
      String name = SparkContainers.name(ws.id(), role);
      assertThat(after.get(name))
          .as("%s is the container made before the crash", role)
          .isEqualTo(before.get(name));
    }
    assertThat(after.get(worker2)).isNotEqualTo(before.get(worker2));
    assertThat(resumed.cluster().workersAlive()).isEqualTo(2);
    assertThat(resumed.cluster().members())
        .extracting(ClusterView.Member::state)
        .containsOnly("running");
    assertThat(resumed.steps())
        .filteredOn(s -> s.operation() == Operation.START && s.kind() == StepKind.WORKERS)
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(2));
    assertTheFileAndTheObjectAreThere(ws.id());

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
  }

  @Test
  void resizingAddsWorkersThatJoinTheMasterAndDecommissionsTheOnesRemoved() {
    // room for three one-core workers on this (two-core) engine: workers' cores are a limit
    jdbc.update("update hosts set cpus = 4 where name = 'local'");
    try {
      WorkspaceView ws = live.approved("resize", 1);
      live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
      String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
      var door = doors.byId(ws.id()).orElseThrow();
      String masterUi = door.sparkUi();
      String sparkKey = door.sparkKey();

      workspaces.resize(ws.id(), 3, owner);
      WorkspaceView grown = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
      assertThat(grown.cluster().workersRequested()).isEqualTo(3);
      assertThat(probe.aliveWorkers(masterUi, sparkKey))
          .as("the running master lists 3 workers")
          .isEqualTo(3);
      assertThat(DockerCli.containersLabelled(label)).hasSize(6); // and the pod
      assertThat(grown.steps())
          .filteredOn(s -> s.operation() == Operation.RESIZE)
          .extracting(StepView::kind)
          .containsExactly(
              StepKind.REMOVE_WORKERS,
              StepKind.PLACE,
              StepKind.IMAGE,
              StepKind.WORKERS,
              StepKind.WORKERS_READY);

      // a crash mid-resize: the workers step RUNNING on an instance that died, worker-3 made but
      // stopped, the readiness step not run yet; the take-over finishes with no second container
      List<String> before = DockerCli.containerIds(label);
      live.crashDuring(
          ws.id(),
          () -> {
            live.rewind(ws.id(), Operation.RESIZE, StepKind.WORKERS, StepKind.WORKERS_READY);
            DockerCli.run("stop", "-t", "1", SparkContainers.name(ws.id(), "worker-3"));
          });
      live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
      assertThat(DockerCli.containerIds(label))
          .as("the same six containers, none made twice")
          .containsExactlyInAnyOrderElementsOf(before);
      assertThat(probe.aliveWorkers(masterUi, sparkKey)).isEqualTo(3);

      workspaces.resize(ws.id(), 1, owner);
      WorkspaceView shrunk = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
      assertThat(probe.aliveWorkers(masterUi, sparkKey))
          .as("the removed workers decommissioned: the master lists one ALIVE")
          .isEqualTo(1);
      assertThat(DockerCli.containersLabelled(label))
          .containsExactlyInAnyOrder(
              SparkContainers.name(ws.id(), "master"),
              SparkContainers.name(ws.id(), "notebook"),
              SparkContainers.name(ws.id(), "worker-1"),
              SparkContainers.podName(ws.id()));
      assertThat(DockerCli.volumesLabelled(label))
          .noneMatch(v -> v.contains("worker-2") || v.contains("worker-3"));
      assertThat(shrunk.cluster().members())
          .extracting(ClusterView.Member::role)
          .containsExactlyInAnyOrder("master", "notebook", "worker-1");
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from host_leases where workspace_id = ?", Long.class, ws.id()))
          .as("the removed workers' cores, memory and ports are given back")
          .isEqualTo(3);

      // beyond the template's maximum, or no change: refused with the reason, nothing queued
      assertThatThrownBy(() -> workspaces.resize(ws.id(), 99, owner))
          .isInstanceOf(InvalidWorkspaceRequestException.class)
          .hasMessageContaining("between 1 and 4");
      assertThatThrownBy(() -> workspaces.resize(ws.id(), 1, owner))
          .isInstanceOf(InvalidWorkspaceRequestException.class)
          .hasMessageContaining("already has 1 workers");
      assertThat(workspaces.get(ws.id(), owner).status()).isEqualTo(WorkspaceStatus.READY);

      workspaces.delete(ws.id(), owner);
      live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
      assertThat(DockerCli.containersLabelled(label)).isEmpty();
    } finally {
      jdbc.update("update hosts set cpus = null where name = 'local'");
    }
  }

  @Test
  void aLaunchInterruptedByACrashResumesWithoutASecondCopyOfAnyContainer() {
    WorkspaceView ws = live.approved("crash", 2);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + ws.id();
    List<String> before = DockerCli.containerIds(label);
    assertThat(before).hasSize(5); // master, two workers, notebook, their pod

    // The state a crash leaves mid-launch: the notebook step RUNNING on an instance that died,
    // the readiness steps not run yet, the notebook container made but stopped.
    live.crashDuring(
        ws.id(),
        () -> {
          live.rewind(
              ws.id(),
              Operation.PROVISION,
              StepKind.NOTEBOOK,
              StepKind.NOTEBOOK_READY,
              StepKind.WORKERS_READY);
          DockerCli.run("stop", "-t", "1", SparkContainers.name(ws.id(), "notebook"));
        });

    WorkspaceView resumed = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);

    assertThat(DockerCli.containerIds(label))
        .as("the same four containers, none made twice")
        .containsExactlyInAnyOrderElementsOf(before);
    assertThat(resumed.cluster().members())
        .extracting(ClusterView.Member::state)
        .containsOnly("running");
    assertThat(resumed.steps())
        .filteredOn(s -> s.kind() == StepKind.NOTEBOOK)
        .singleElement()
        .satisfies(s -> assertThat(s.attempts()).isEqualTo(2));
    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
  }

  @Test
  void theDatahubIsMountedInTheNotebookAndEveryWorker() throws Exception {
    WorkspaceView ws =
        live.request(
            new WorkspaceRequest(
                LiveWorkspaces.uniqueName("hub"),
                null,
                WorkspaceFixtures.DEFAULT_TEMPLATE,
                1,
                true,
                Retention.ERADICATE,
                null));
    live.approve(ws.id());
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);

    DockerCli.Result write =
        DockerCli.run(
            "exec",
            SparkContainers.name(ws.id(), "notebook"),
            "sh",
            "-c",
            "echo shared-by-nfs > \"$DATAHUB_DIR/hello.txt\"");
    assertThat(write.exitCode()).as(write.output()).isZero();
    DockerCli.Result read =
        DockerCli.run(
            "exec", SparkContainers.name(ws.id(), "worker-1"), "cat", "/datahub/hello.txt");
    assertThat(read.output()).contains("shared-by-nfs");
    String fileSystem = "ws-" + ws.id().toString().replace("-", "").substring(0, 12) + "-datahub";
    assertThat(Files.readString(sim.fileSystemRoot().resolve(fileSystem).resolve("hello.txt")))
        .as("the file is on the (simulated) array's file system")
        .contains("shared-by-nfs");

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(DockerCli.volumesLabelled(SparkContainers.WORKSPACE_LABEL + "=" + ws.id()))
        .isEmpty();
  }

  @Test
  void aRequestThatCanNeverFitIsRefusedAtApprovalNamingWhatIsShort() {
    // workers of 64 cores each: more than any host of any test machine offers, so this holds
    // wherever it runs, with no skip
    String name = LiveWorkspaces.uniqueName("huge");
    templates.create(
        new TemplateForm(
            name, "can never fit", "img:never-run", "4.0.1", 1, 2, 64, 1024, null, 0, null),
        "test");
    int mostCores = hosts.list().stream().mapToInt(HostView::offeredCpus).max().orElse(0);
    assertThat(mostCores).as("no registered host offers 64 cores").isLessThan(64);
    WorkspaceView ws =
        live.request(
            new WorkspaceRequest(
                LiveWorkspaces.uniqueName("huge"),
                null,
                name,
                2,
                false,
                Retention.ERADICATE,
                null));

    assertThatThrownBy(() -> workspaces.approve(ws.id(), ADMIN))
        .isInstanceOf(NoRoomException.class)
        .hasMessageContaining("can never fit")
        .hasMessageContaining("needs 128 cores")
        .hasMessageContaining("on one host");
    assertThat(workspaces.get(ws.id(), ADMIN).status()).isEqualTo(WorkspaceStatus.PENDING_APPROVAL);
  }

  /**
   * Writes a file in the notebook's directory and puts it in the bucket as kept.txt, from inside
   * the notebook container with its own environment.
   */
  private static void writeAFileAndAnObject(UUID id) {
    DockerCli.Result wrote =
        DockerCli.run(
            "exec",
            SparkContainers.name(id, "notebook"),
            "sh",
            "-c",
            "echo my-analysis > /home/spark/work/analysis.txt && curl -sS -f --aws-sigv4"
                + " \"aws:amz:$AWS_REGION:s3\" --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
                + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' -T /home/spark/work/analysis.txt"
                + " \"$S3_ENDPOINT/$S3_BUCKET/kept.txt\"");
    assertThat(wrote.exitCode()).as(wrote.output()).isZero();
  }

  /** What {@link #writeAFileAndAnObject} wrote, read back from the file and from the bucket. */
  private static void assertTheFileAndTheObjectAreThere(UUID id) {
    DockerCli.Result read =
        DockerCli.run(
            "exec",
            SparkContainers.name(id, "notebook"),
            "sh",
            "-c",
            "cat /home/spark/work/analysis.txt && curl -sS -f --aws-sigv4"
                + " \"aws:amz:$AWS_REGION:s3\" --user \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\""
                + " -H 'x-amz-content-sha256: UNSIGNED-PAYLOAD' \"$S3_ENDPOINT/$S3_BUCKET/kept.txt\"");
    assertThat(read.exitCode()).as(read.output()).isZero();
    assertThat(read.output().lines().filter("my-analysis"::equals)).hasSize(2);
  }

  /** The containers (any state) with the label: name to id. */
  private static Map<String, String> containerIdsByName(String label) {
    DockerCli.Result r =
        DockerCli.run(
            "ps",
            "-a",
            "--no-trunc",
            "--filter",
            "label=" + label,
            "--format",
            "{{.Names}} {{.ID}}");
    return r.output()
        .lines()
        .filter(l -> !l.isBlank())
        .map(l -> l.split(" "))
        .collect(Collectors.toMap(nameAndId -> nameAndId[0], nameAndId -> nameAndId[1]));
  }
}
