package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.GatewaySignature;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;
import org.workspaceportal.workspace.runtime.Preparation;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * What a workspace's image offers, on the machine's real engine: a cluster records what its image
 * declares (the label {@value Preparation#PYSPARK} written by the image's build: the offline image
 * declares nothing, so no PySpark; the same image with the label set says PySpark); its notebook
 * has no Quit button; its terminals find spark-submit.
 */
@PortalIntegrationTest
@RequiresDocker
class ImageOffersTest {

  private static final String LABELLED = "workspace-portal/spark:test-declares-pyspark";

  @Autowired WorkspaceService workspaces;

  @Autowired WorkspaceDoors doors;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private LiveWorkspaces live;

  @AfterEach
  void leaveNothingBehind() {
    if (live != null) {
      live.cleanUp();
    }
  }

  @Test
  void aClusterSaysPySparkExactlyWhenItsImageDeclaresIt() {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    String plain = LiveWorkspaces.imageOfThisCheckout();
    labelled(plain);
    String template = "live-declares-pyspark";
    if (templates.list().stream().noneMatch(t -> t.name().equals(template))) {
      templates.create(
          new TemplateForm(
              template, "an image that declares PySpark", LABELLED, "4.0.1", 1, 2, 1, 1024),
          "test");
    }

    WorkspaceView withoutLabel = ready(live.approved("offers-plain", 1));
    WorkspaceView withLabel = ready(live.approved("offers-pyspark", 1, template));

    assertThat(withoutLabel.cluster().pySpark()).as("the offline image has no PySpark").isFalse();
    assertThat(withLabel.cluster().pySpark()).as("its image declares PySpark").isTrue();
  }

  @Test
  void theNotebookHasNoQuitButtonAndItsTerminalsFindSparkSubmit() throws Exception {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    WorkspaceView ws = ready(live.approved("no-quit", 1));
    // Jupyter itself, signed as the gateway signs (the browser test goes through the gateway)
    var door = doors.byId(ws.id()).orElseThrow();

    HttpResponse<String> tree =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(door.jupyter() + "tree"))
                    .header(
                        GatewaySignature.HEADER,
                        GatewaySignature.sign(
                            live.owner().username(), door.jupyterKey(), Instant.now()))
                    .build(),
                BodyHandlers.ofString());

    // Notebook 6 shows its Quit button (which stops the server, and so the container) in a
    // shutdown_widget on the file list when quit_button is on
    assertThat(tree.statusCode()).isEqualTo(200);
    assertThat(tree.body()).contains("id=\"notebook_list\"").doesNotContain("shutdown_widget");
    // a Jupyter terminal is a login shell: /etc/profile sets its PATH anew
    DockerCli.Result found =
        DockerCli.run(
            "exec",
            SparkContainers.name(ws.id(), "notebook"),
            "bash",
            "-lc",
            "command -v spark-submit");
    assertThat(found.exitCode()).as(found.output()).isZero();
    assertThat(found.output().strip()).endsWith("/opt/spark/bin/spark-submit");
  }

  private WorkspaceView ready(WorkspaceView ws) {
    return live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY);
  }

  /** The image with the label set, made without a build: a container of it committed again. */
  private static void labelled(String image) {
    DockerCli.Result created = DockerCli.run("create", image);
    assertThat(created.exitCode()).as(created.output()).isZero();
    String container = created.output().strip().lines().reduce((a, b) -> b).orElseThrow();
    try {
      DockerCli.Result committed =
          DockerCli.run(
              "commit", "--change", "LABEL " + Preparation.PYSPARK + "=true", container, LABELLED);
      assertThat(committed.exitCode()).as(committed.output()).isZero();
    } finally {
      DockerCli.run("rm", "-f", container);
    }
  }
}
