package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Pause;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.template.TemplateForm;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Expiry and idle stop on a real cluster (one workspace, two launches): at expiry its containers go
 * and it stays STOPPED until an extension is approved; started again, a notebook nobody uses and a
 * cluster without application are stopped by idle stop, with the reason on its page.
 */
@PortalIntegrationTest
@RequiresDocker
class ExpiryAndIdleStopClusterTest {

  private static final CurrentUser ADMIN = LiveWorkspaces.ADMIN;

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired ExtensionService extensions;
  @Autowired WorkspaceExpiry expiry;
  @Autowired WorkspaceIdleStop idleStop;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private LiveWorkspaces live;
  private CurrentUser owner;

  @BeforeEach
  void ownerAndTemplate() {
    String image = LiveWorkspaces.requireImageOfThisCheckout();
    String template = "idle-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    templates.create(
        new TemplateForm(template, "idle stop", image, "4.0.1", 1, 2, 1, 1024, 60, null, null),
        "test");
    live = LiveWorkspaces.on(template, workspaces, identity, jdbc);
    owner = live.owner();
  }

  @AfterEach
  void leaveNothingBehind() {
    live.cleanUp();
  }

  @Test
  void anExpiredWorkspaceStopsUntilExtendedAndAnIdleOneStops() {
    String name = LiveWorkspaces.uniqueName("idle");
    UUID id =
        live.request(
                new WorkspaceRequest(
                    name,
                    null,
                    live.template(),
                    1,
                    false,
                    Retention.ERADICATE,
                    Instant.now().plus(Duration.ofDays(1))))
            .id();
    live.approve(id);
    live.await(id, w -> w.status() == WorkspaceStatus.READY);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + id;
    assertThat(DockerCli.containersLabelled(label))
        .hasSize(4); // master, worker, notebook and their pod
    idleStop.check();
    assertThat(workspaces.get(id, owner).status())
        .as("busy for less than its template's idle time (an hour)")
        .isEqualTo(WorkspaceStatus.READY);

    // expiry: stopped, containers gone, not startable until extended
    jdbc.update("update workspaces set expires_at = now() - interval '1 minute' where id = ?", id);
    expiry.enforce();
    WorkspaceView expired = live.await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(expired.stopNote()).startsWith("Expired at");
    assertThatThrownBy(() -> workspaces.start(id, owner))
        .isInstanceOf(WorkspaceExpiredException.class);
    ExtensionView asked =
        extensions.request(id, Instant.now().plus(Duration.ofDays(2)), "one more run", owner);
    extensions.approve(asked.id(), ADMIN);
    workspaces.start(id, owner);
    live.await(id, w -> w.status() == WorkspaceStatus.READY);
    assertThat(DockerCli.containersLabelled(label)).hasSize(4);

    // idle stop: a fresh notebook with no kernel, no Spark application, a tiny idle time
    jdbc.update(
        "update workspace_templates set idle_stop_seconds = 2 where name = ?", live.template());
    Pause.sleep(3000);
    idleStop.check();

    WorkspaceView idle = live.await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(idle.stopNote()).startsWith("Stopped after").contains("without activity");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'workspace.stopping'"
                    + " and actor = 'portal' and target = ? and detail like '%without activity%'",
                Long.class, owner.username() + "/" + name))
        .isEqualTo(1);
  }
}
