package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.runtime.Preparation;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * A cluster records what its image declares it offers (the label {@value Preparation#PYSPARK}
 * written by the image's build), on the machine's real engine: the offline image declares nothing
 * (no PySpark); the same image with the label set says PySpark.
 */
@PortalIntegrationTest
@RequiresDocker
class ImageOffersTest {

  private static final String LABELLED = "workspace-portal/spark:test-declares-pyspark";

  @Autowired WorkspaceService workspaces;
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
