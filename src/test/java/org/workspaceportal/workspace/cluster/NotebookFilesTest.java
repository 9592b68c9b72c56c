package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.flashbladesim.FlashBladeSimulator;
import org.workspaceportal.flashbladesim.SimulatedBucket;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostView;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * A workspace's notebook files live in its bucket (issue 22): a stop saves them and gives back
 * everything it held on the hosts, a start places the cluster anew and restores them, byte for
 * byte, before Jupyter opens; on the machine's real engine, with the simulator's S3 data plane.
 */
@PortalIntegrationTest
@RequiresDocker
class NotebookFilesTest {

  private static final String WORK = SparkContainers.NOTEBOOK_DIR;

  /**
   * A notebook, a 200 MB file, 2,000 small files in folders, an empty folder, a file with a space
   * and non-ASCII in its name, an executable script, and a link to a file outside the folder (which
   * is not followed: a link is the tenant's, and nothing she makes sends the portal elsewhere).
   */
  private static final String WRITE_FILES =
      "set -e; cd "
          + WORK
          + "; printf '{\"cells\":[],\"metadata\":{},\"nbformat\":4,\"nbformat_minor\":5}' >"
          + " analysis.ipynb; mkdir -p data/results empty/inner; head -c 209715200 /dev/urandom >"
          + " data/big.bin; i=0; while [ $i -lt 2000 ]; do d=data/results/$((i % 20));"
          + " mkdir -p $d; echo \"result $i $RANDOM\" > $d/r$i.txt; i=$((i+1)); done;"
          + " echo 'na\u00efve' > 'data/caf\u00e9 notes.txt'; printf '#!/bin/sh\\necho hi\\n' >"
          + " run.sh; chmod 755 run.sh; ln -s /etc/passwd passwd-link";

  /** Every file's checksum, mode and owner, and every folder, under Jupyter's root. */
  private static final String FINGERPRINT =
      "cd "
          + WORK
          + " && find . -type f -print0 | sort -z | xargs -0 sha256sum && find . -type d | sort"
          + " && stat -c '%a %u %n' run.sh analysis.ipynb data/big.bin";

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired HostService hosts;
  @Autowired JdbcTemplate jdbc;
  @Autowired FlashBladeSimulator sim;
  @Autowired TemplateService templates;

  private LiveWorkspaces live;
  private CurrentUser owner;

  @BeforeEach
  void owner() {
    // this checkout's image, not the default template's alias (workspace-portal/spark:4.0), which
    // another checkout's image build on the same engine may move to an image of another contract
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    owner = live.owner();
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
  }

  @Test
  void aStopSavesTheFilesAndGivesTheHostsBackAndAStartRestoresThemByteForByte() {
    int usedBefore = usedCores();
    WorkspaceView ws = live.approved("files", 1);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    assertThat(usedCores()).isGreaterThan(usedBefore);
    String notebook = SparkContainers.name(ws.id(), "notebook");
    DockerCli.Result wrote = DockerCli.run("exec", notebook, "sh", "-c", WRITE_FILES);
    assertThat(wrote.exitCode()).as(wrote.output()).isZero();
    String before = fingerprint(notebook);
    assertThat(before).contains("analysis.ipynb", "big.bin", "r1999.txt", "./empty/inner");

    workspaces.stop(ws.id(), owner);
    WorkspaceView stopped = live.await(ws.id(), w -> w.status() == WorkspaceStatus.STOPPED);

    assertThat(stopped.steps())
        .filteredOn(s -> s.operation() == Operation.STOP)
        .extracting(StepView::kind)
        .containsExactly(StepKind.SAVE_FILES, StepKind.STOP_CLUSTER, StepKind.RELEASE);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + clusterId(ws.id());
    assertThat(DockerCli.containersLabelled(label)).as("no container stays").isEmpty();
    assertThat(DockerCli.volumesLabelled(label)).as("no volume stays: the files").isEmpty();
    assertThat(count("select count(*) from host_leases where workspace_id = ?", ws.id()))
        .as("no core or MB held")
        .isZero();
    assertThat(count("select count(*) from host_ports where workspace_id = ?", ws.id()))
        .as("no port held")
        .isZero();
    assertThat(usedCores()).as("the Hosts page shows the cores free again").isEqualTo(usedBefore);
    assertThat(
            jdbc.queryForObject(
                "select files from workspace_files where workspace_id = ?", Integer.class, ws.id()))
        .as("the notebook, the big file, the 2,000 small ones and the rest, the link left out")
        .isGreaterThanOrEqualTo(2004);

    workspaces.start(ws.id(), owner);
    WorkspaceView started = live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    assertThat(started.steps())
        .filteredOn(s -> s.operation() == Operation.START)
        .extracting(StepView::kind)
        .startsWith(StepKind.PLACE, StepKind.IMAGE, StepKind.RESTORE_FILES, StepKind.NOTEBOOK);

    String after = fingerprint(notebook);
    assertThat(after).as("every file, byte for byte, with its mode and owner").isEqualTo(before);
    DockerCli.Result link = DockerCli.run("exec", notebook, "ls", "-la", WORK);
    assertThat(link.output()).as("the link was not followed nor restored").doesNotContain("passwd");
    DockerCli.Result writable =
        DockerCli.run(
            "exec", notebook, "sh", "-c", "echo more >> " + WORK + "/data/results/3/r3.txt");
    assertThat(writable.exitCode())
        .as("the restored files are the user's: " + writable.output())
        .isZero();

    DockerCli.Result inBucket =
        DockerCli.run(
            "exec",
            notebook,
            "sh",
            "-c",
            "curl -sS -f --aws-sigv4 \"aws:amz:$AWS_REGION:s3\" --user"
                + " \"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY\" -H 'x-amz-content-sha256:"
                + " UNSIGNED-PAYLOAD' \"$S3_ENDPOINT/$S3_BUCKET/.workspace-files/analysis.ipynb\"");
    assertThat(inBucket.output())
        .as("the user reads her saved files with her own key, under the documented prefix")
        .contains("nbformat");
  }

  /**
   * A deletion does to the notebooks what its page says: saved one last time and kept with the
   * bucket, or destroyed with it (recoverable), or not saved and erased with it.
   */
  @ParameterizedTest
  @EnumSource(Retention.class)
  void aDeletionDoesToTheNotebooksWhatItsRetentionSays(Retention retention) {
    WorkspaceView ws =
        live.request(
            new WorkspaceRequest(
                LiveWorkspaces.uniqueName("gone"),
                null,
                live.template(),
                1,
                false,
                retention,
                null));
    live.approve(ws.id());
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
    String notebook = SparkContainers.name(clusterId(ws.id()), "notebook");
    DockerCli.Result wrote =
        DockerCli.run(
            "exec", notebook, "sh", "-c", "echo bye > " + WORK + "/written-just-before.txt");
    assertThat(wrote.exitCode()).as(wrote.output()).isZero();
    String bucket =
        jdbc.queryForObject(
            "select bucket from workspace_storage where workspace_id = ?", String.class, ws.id());

    workspaces.delete(ws.id(), owner);
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.DELETED);

    List<String> saved =
        jdbc.queryForList(
            "select manifest from workspace_files where workspace_id = ?", String.class, ws.id());
    List<SimulatedBucket> left =
        sim.buckets().stream().filter(b -> b.name().equals(bucket)).toList();
    switch (retention) {
      case KEEP -> {
        assertThat(saved).singleElement().asString().contains("written-just-before.txt");
        assertThat(left).singleElement().satisfies(b -> assertThat(b.destroyed()).isFalse());
      }
      case DESTROY -> {
        assertThat(saved).singleElement().asString().contains("written-just-before.txt");
        assertThat(left)
            .as("destroyed, recoverable until eradicated")
            .singleElement()
            .satisfies(b -> assertThat(b.destroyed()).isTrue());
      }
      case ERADICATE -> {
        assertThat(saved).as("nothing saved for a bucket that goes at once").isEmpty();
        assertThat(left).isEmpty();
      }
    }
  }

  private String fingerprint(String container) {
    DockerCli.Result r = DockerCli.run("exec", container, "sh", "-c", FINGERPRINT);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.output();
  }

  private UUID clusterId(UUID workspaceId) {
    return jdbc.queryForObject(
        "select cluster_id from workspace_clusters where workspace_id = ?",
        UUID.class,
        workspaceId);
  }

  private long count(String sql, UUID id) {
    return jdbc.queryForObject(sql, Long.class, id);
  }

  private int usedCores() {
    return hosts.list().stream().mapToInt(HostView::usedCpus).sum();
  }
}
