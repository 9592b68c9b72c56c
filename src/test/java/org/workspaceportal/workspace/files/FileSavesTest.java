package org.workspaceportal.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepKind;

/**
 * A running workspace's files are saved every few minutes; a save that fails is shown and tried
 * again, and a stop does not finish while its save fails. Real containers, the simulator's S3.
 */
@PortalIntegrationTest
@RequiresDocker
class FileSavesTest {

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired PeriodicSaves periodic;
  @Autowired NotebookSaves saves;

  private LiveWorkspaces live;
  private CurrentUser owner;

  @BeforeEach
  void owner() {
    live = LiveWorkspaces.ofTheDefaultTemplate(workspaces, identity, jdbc);
    owner = live.owner();
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
  }

  @Test
  void aRunningWorkspaceIsSavedPeriodicallyAndAFailingSaveIsShownRetriedAndHoldsItsStop() {
    WorkspaceView ws = live.approved("periodic", 1);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    String notebook = SparkContainers.name(clusterId(ws.id()), "notebook");
    write(notebook, "first.txt", "written before the first periodic save");

    // due: it has been READY longer than the save interval
    jdbc.update(
        "update workspaces set updated_at = now() - interval '1 hour' where id = ?", ws.id());
    periodic.saveDue();
    FilesView first = eventually(() -> saves.view(ws.id()).filter(v -> v.savedAt() != null));
    assertThat(first.failing()).isFalse();
    assertThat(manifest(ws.id())).contains("first.txt").contains("examples");

    // not due again before the interval
    Instant savedAt = first.savedAt();
    write(notebook, "second.txt", "written after it");
    periodic.saveDue();
    assertThat(saves.view(ws.id()).orElseThrow().savedAt()).isEqualTo(savedAt);
    jdbc.update(
        "update workspace_files set last_attempt_at = now() - interval '1 hour' where"
            + " workspace_id = ?",
        ws.id());
    periodic.saveDue();
    eventually(
        () -> saves.view(ws.id()).filter(v -> v.savedAt() != null && v.savedAt().isAfter(savedAt)));
    assertThat(manifest(ws.id())).contains("first.txt", "second.txt");

    // the bucket stops answering (its endpoint a closed port): the stop's save fails, is shown,
    // and the stop waits with the notebook still running
    String endpoint =
        jdbc.queryForObject(
            "select s3_endpoint from workspace_storage where workspace_id = ?",
            String.class,
            ws.id());
    jdbc.update(
        "update workspace_storage set s3_endpoint = 'http://127.0.0.1:9' where workspace_id = ?",
        ws.id());
    write(notebook, "third.txt", "written just before the stop");
    workspaces.stop(ws.id(), owner);
    WorkspaceView waiting =
        live.await(
            ws.id(),
            w ->
                w.steps().stream()
                    .anyMatch(
                        s ->
                            s.kind() == StepKind.SAVE_FILES
                                && s.waitingFor() != null
                                && s.waitingFor().contains("Saving the notebooks")));
    assertThat(waiting.status()).isEqualTo(WorkspaceStatus.STOPPING);
    assertThat(stepOf(waiting).waitingFor())
        .contains("127.0.0.1:9", "trying again every 30 s", "The stop goes on once they are saved");
    FilesView failing = saves.view(ws.id()).orElseThrow();
    assertThat(failing.failing()).isTrue();
    assertThat(failing.lastError()).contains("127.0.0.1:9");
    assertThat(DockerCli.run("inspect", "-f", "{{.State.Running}}", notebook).output())
        .as("the notebook and its files stay until they are saved")
        .contains("true");

    // the bucket answers again: the next try saves and the stop finishes
    jdbc.update(
        "update workspace_storage set s3_endpoint = ? where workspace_id = ?", endpoint, ws.id());
    WorkspaceView stopped = live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(stepOf(stopped).status().name()).isEqualTo("SUCCEEDED");
    assertThat(saves.view(ws.id()).orElseThrow().failing()).isFalse();
    assertThat(manifest(ws.id())).contains("third.txt");

    workspaces.start(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    DockerCli.Result back =
        DockerCli.run(
            "exec",
            notebook,
            "cat",
            SparkContainers.NOTEBOOK_DIR + "/first.txt",
            SparkContainers.NOTEBOOK_DIR + "/second.txt",
            SparkContainers.NOTEBOOK_DIR + "/third.txt");
    assertThat(back.output())
        .contains("written before the first periodic save", "written after it", "just before");
  }

  private static StepView stepOf(WorkspaceView w) {
    return w.steps().stream()
        .filter(s -> s.operation() == Operation.STOP && s.kind() == StepKind.SAVE_FILES)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  private static void write(String container, String name, String text) {
    DockerCli.Result r =
        DockerCli.run(
            "exec",
            container,
            "sh",
            "-c",
            "echo '" + text + "' > " + SparkContainers.NOTEBOOK_DIR + "/" + name);
    assertThat(r.exitCode()).as(r.output()).isZero();
  }

  private String manifest(UUID id) {
    return jdbc.queryForObject(
        "select manifest from workspace_files where workspace_id = ?", String.class, id);
  }

  private UUID clusterId(UUID workspaceId) {
    return jdbc.queryForObject(
        "select cluster_id from workspace_clusters where workspace_id = ?",
        UUID.class,
        workspaceId);
  }

  private static <T> T eventually(Supplier<java.util.Optional<T>> probe) {
    Instant until = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(until)) {
      java.util.Optional<T> found = probe.get();
      if (found.isPresent()) {
        return found.get();
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("not within 2 minutes");
  }
}
