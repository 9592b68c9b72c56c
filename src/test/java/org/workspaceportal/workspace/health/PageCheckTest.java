package org.workspaceportal.workspace.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Opening a workspace's page looks at its containers then (issue 23, item 4): with the reconciler's
 * passes off, a notebook removed by hand shows in the container table and makes the workspace
 * DEGRADED, and so repaired, the moment its owner opens the page.
 */
@PortalIntegrationTest
@RequiresDocker
@TestPropertySource(properties = "portal.workspace.reconciler.enabled=false")
class PageCheckTest {

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private LiveWorkspaces live;

  @AfterEach
  void leaveNothingBehind() {
    if (live != null) {
      live.cleanUp();
    }
  }

  @Test
  void aNotebookGoneIsNoticedWhenThePageIsOpened() throws Exception {
    live = LiveWorkspaces.ofThisCheckout(workspaces, templates, identity, jdbc);
    WorkspaceView ws = live.ready("page-check", 1);
    Thread.sleep(ClusterReconciler.SETTLED.plusSeconds(1).toMillis()); // as a settled workspace
    assertThat(DockerCli.run("rm", "-f", SparkContainers.name(ws.id(), "notebook")).exitCode())
        .isZero();
    assertThat(workspaces.get(ws.id(), LiveWorkspaces.ADMIN).status())
        .as("no reconciler pass noticed it")
        .isEqualTo(WorkspaceStatus.READY);

    String html =
        mvc.perform(get("/workspaces/" + ws.id()).with(user(live.owner().username()).roles("USER")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern(
            "data-role=\"notebook\"[^<]*>\\s*<td[^>]*>notebook</td>[\\s\\S]*?>vanished<");
    assertThat(html).containsPattern("data-status=\"(DEGRADED|REPAIRING)\"");
    WorkspaceView after = workspaces.get(ws.id(), LiveWorkspaces.ADMIN);
    assertThat(after.history())
        .anySatisfy(
            h -> {
              assertThat(h.to()).isEqualTo(WorkspaceStatus.DEGRADED);
              assertThat(h.reason()).contains("notebook");
            });
    // and it repairs itself, as from a reconciler's pass
    live.await(ws.id(), w -> w.status() == WorkspaceStatus.READY && w.cluster().notebookReady());
  }
}
