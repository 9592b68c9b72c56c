package org.workspaceportal.workspace.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.ClusterProbe;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/**
 * A template names its image: two templates on two tags of the workspace image (the default
 * template's moving alias and this checkout's exact tag) run side by side on one engine, each
 * cluster from its own template's tag.
 */
@PortalIntegrationTest
@RequiresDocker
class TwoImageTagsTest {

  @Autowired WorkspaceService workspaces;

  @Autowired WorkspaceDoors doors;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired ClusterProbe probe;

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
  void twoTemplatesOnTwoImageTagsRunSideBySideEachFromItsOwnTag() {
    String aliasImage = imageOf(WorkspaceFixtures.DEFAULT_TEMPLATE);
    String exactImage = imageOf(live.template());
    assertThat(aliasImage).as("two different tags").isNotEqualTo(exactImage);

    // both approved before either is ready: they start at the same time
    WorkspaceView onAlias = live.approved("alias", 1, WorkspaceFixtures.DEFAULT_TEMPLATE);
    WorkspaceView onExact = live.approved("exact", 1, live.template());
    WorkspaceView a =
        live.await(onAlias.id(), w -> w.status() == WorkspaceStatus.READY, Duration.ofMinutes(6));
    WorkspaceView b =
        live.await(onExact.id(), w -> w.status() == WorkspaceStatus.READY, Duration.ofMinutes(6));

    assertThat(a.cluster().image()).isEqualTo(aliasImage);
    assertThat(b.cluster().image()).isEqualTo(exactImage);
    for (String role : new String[] {"master", "worker-1", "notebook"}) {
      assertThat(configuredImage(SparkContainers.name(a.id(), role))).isEqualTo(aliasImage);
      assertThat(configuredImage(SparkContainers.name(b.id(), role))).isEqualTo(exactImage);
    }
    // each master has its own worker, none of the other's
    for (WorkspaceView ws : new WorkspaceView[] {a, b}) {
      var door = doors.byId(ws.id()).orElseThrow();
      assertThat(probe.aliveWorkers(door.sparkUi(), door.sparkKey())).isEqualTo(1);
    }
  }

  private String imageOf(String templateName) {
    return templates.list().stream()
        .filter(t -> t.name().equals(templateName))
        .findFirst()
        .orElseThrow()
        .image();
  }

  private static String configuredImage(String container) {
    DockerCli.Result r = DockerCli.run("inspect", "--format", "{{.Config.Image}}", container);
    assertThat(r.exitCode()).as(r.output()).isZero();
    return r.output().strip();
  }
}
