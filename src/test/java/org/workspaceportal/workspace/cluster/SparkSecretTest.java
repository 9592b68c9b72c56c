package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoor;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.template.TemplateService;
import tools.jackson.databind.JsonNode;

/**
 * The architecture's promise about a workspace's own Spark secret, on a real workspace: a driver
 * that lacks it (a wrong secret, or authentication off) is refused by the master and gets no
 * executors, which hold the workspace's S3 key; the same job with the notebook container's own
 * defaults runs. The drivers are started in the notebook container itself, so they reach the
 * cluster's ports and bucket exactly as the workspace's own driver does: only the secret differs.
 */
@PortalIntegrationTest
@RequiresDocker
class SparkSecretTest {

  @Autowired WorkspaceService workspaces;

  @Autowired WorkspaceDoors doors;
  @Autowired ClusterProbe probe;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private LiveWorkspaces live;

  @BeforeEach
  void workspacesOfThisCheckout() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
  }

  @Test
  void aDriverWithoutTheWorkspacesSecretGetsNoExecutorsWhileTheNotebooksDefaultsRunTheJob() {
    WorkspaceView ws = live.ready("secret", 1);
    NotebookContainer notebook = NotebookContainer.of(ws.id());
    WorkspaceDoor door = doors.byId(ws.id()).orElseThrow();
    String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));

    // Both at once, each until it shows what became of it.
    CompletableFuture<DockerCli.Result> wrongSecret =
        CompletableFuture.supplyAsync(
            () ->
                intruder(
                    notebook,
                    "wrong-secret-" + suffix,
                    "--conf spark.authenticate.secret=not-the-workspace-secret"));
    CompletableFuture<DockerCli.Result> noAuthentication =
        CompletableFuture.supplyAsync(
            () ->
                intruder(
                    notebook,
                    "no-auth-" + suffix,
                    // encryption needs authentication: a driver without either
                    "--conf spark.authenticate=false --conf spark.network.crypto.enabled=false"));
    for (DockerCli.Result intruder : List.of(wrongSecret.join(), noAuthentication.join())) {
      assertThat(intruder.output())
          .as("refused for authentication, so no executor and no result: %s", intruder.output())
          // refused in the handshake: SASL without network encryption, Spark's AuthEngine with it
          .containsAnyOf(
              "SaslException",
              "Expected SaslMessage",
              "Exception while bootstrapping client",
              "is closed")
          .doesNotContain("Granted executor")
          .doesNotContain("RESULT-JSON");
      assertThat(intruder.exitCode()).as(intruder.output()).isNotZero();
    }
    assertThat(applicationNames(door))
        .as("the master never registered them")
        .noneMatch(name -> name.endsWith(suffix));

    DockerCli.Result own =
        notebook.bash(
            Duration.ofMinutes(4),
            "spark-submit --name owner-"
                + suffix
                + NotebookContainer.SMALL_JOB
                + "own 2>/tmp/own-driver.log");
    assertThat(own.exitCode()).as(own.output() + notebook.tail("/tmp/own-driver.log")).isZero();
    JsonNode result = NotebookContainer.resultOf(own.output());
    assertThat(result.get("check").get("passed").asBoolean()).as(result.toString()).isTrue();
    assertThat(applicationNames(door)).contains("owner-" + suffix);
  }

  /**
   * The job in the notebook container with its defaults but {@code conf}, on random ports and
   * without a UI (so that it collides with nothing), until it shows what became of it (refused,
   * granted an executor, or a result) or for 150 s at most (a loaded machine is slow to start
   * JVMs); then stopped. Returns its exit status and the lines of its output that tell.
   */
  private static DockerCli.Result intruder(NotebookContainer notebook, String name, String conf) {
    String telling =
        "SaslException|Expected SaslMessage|Exception while bootstrapping client|is closed"
            + "|Granted executor|RESULT-JSON";
    return notebook.bash(
        Duration.ofMinutes(4),
        """
        log=/tmp/%1$s.log
        timeout 150 spark-submit --name %1$s %2$s --conf spark.driver.port=0 \
          --conf spark.driver.blockManager.port=0 --conf spark.ui.enabled=false %3$s%1$s >$log 2>&1 &
        driver=$!
        for second in $(seq 150); do
          grep -qE '%4$s' $log && break
          kill -0 $driver 2>/dev/null || break
          sleep 1
        done
        kill $driver 2>/dev/null
        wait $driver
        status=$?
        grep -E '%4$s|ERROR|Giving up' $log
        exit $status
        """
            .formatted(name, conf, NotebookContainer.SMALL_JOB, telling));
  }

  /** Names of the applications the master knows, running or finished. */
  private List<String> applicationNames(WorkspaceDoor door) {
    JsonNode master = probe.masterStatus(door.sparkUi(), door.sparkKey());
    assertThat(master).as("the master's status, asked as the portal asks it").isNotNull();
    List<String> names = new ArrayList<>();
    for (String list : List.of("activeapps", "completedapps")) {
      for (JsonNode app : master.get(list)) {
        names.add(app.get("name").asString());
      }
    }
    return names;
  }
}
