package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresDocker;

/**
 * Expiry and idle stop on a real cluster (one workspace, two launches): at expiry its containers go
 * and it stays STOPPED until an extension is approved; started again, a notebook nobody uses and a
 * cluster without application are stopped by idle stop, with the reason on its page.
 */
@PortalIntegrationTest
@RequiresDocker
class ExpiryAndIdleStopClusterTest {

  private static final CurrentUser ADMIN = new CurrentUser("idle-admin", true);
  private static final Duration UP_TO = Duration.ofMinutes(5);

  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired ExtensionService extensions;
  @Autowired WorkspaceExpiry expiry;
  @Autowired WorkspaceIdleStop idleStop;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private CurrentUser owner;
  private String template;
  private final List<UUID> made = new ArrayList<>();

  @BeforeEach
  void ownerAndTemplate() {
    String image = LiveWorkspaces.imageOfThisCheckout();
    Requirement.require(
        "the workspace image of this checkout",
        DockerCli.run("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0
            ? null
            : "the engine lacks " + image);
    int n = ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
    identity.createUser(new NewUser("idle" + n, "password-123", Role.USER), "test");
    owner = new CurrentUser("idle" + n, false);
    template = "idle-" + n;
    templates.create(
        new TemplateForm(template, "idle stop", image, "4.0.1", 1, 2, 1, 1024, 60), "test");
  }

  @AfterEach
  void leaveNothingBehind() {
    for (UUID id : made) {
      try {
        WorkspaceStatus status = workspaces.get(id, ADMIN).status();
        if (status != WorkspaceStatus.DELETED && status != WorkspaceStatus.DELETING) {
          workspaces.delete(id, ADMIN);
        }
        await(id, w -> w.status() == WorkspaceStatus.DELETED);
      } catch (RuntimeException | AssertionError e) {
        System.err.println("could not delete workspace " + id + ": " + e);
      } finally {
        DockerCli.removeLabelled(SparkContainers.WORKSPACE_LABEL + "=" + id);
        jdbc.update("delete from host_ports where workspace_id = ?", id);
        jdbc.update("delete from host_leases where workspace_id = ?", id);
      }
    }
  }

  @Test
  void anExpiredWorkspaceStopsUntilExtendedAndAnIdleOneStops() {
    String name = "idle-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    UUID id =
        workspaces
            .request(
                new WorkspaceRequest(
                    name,
                    null,
                    template,
                    1,
                    false,
                    Retention.ERADICATE,
                    Instant.now().plus(Duration.ofDays(1))),
                owner)
            .id();
    made.add(id);
    workspaces.approve(id, ADMIN);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    String label = SparkContainers.WORKSPACE_LABEL + "=" + id;
    assertThat(DockerCli.containersLabelled(label)).hasSize(3);
    idleStop.check();
    assertThat(workspaces.get(id, owner).status())
        .as("busy for less than its template's idle time (an hour)")
        .isEqualTo(WorkspaceStatus.READY);

    // expiry: stopped, containers gone, not startable until extended
    jdbc.update("update workspaces set expires_at = now() - interval '1 minute' where id = ?", id);
    expiry.enforce();
    WorkspaceView expired = await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(expired.stopNote()).startsWith("Expired at");
    assertThatThrownBy(() -> workspaces.start(id, owner))
        .isInstanceOf(WorkspaceExpiredException.class);
    ExtensionView asked =
        extensions.request(id, Instant.now().plus(Duration.ofDays(2)), "one more run", owner);
    extensions.approve(asked.id(), ADMIN);
    workspaces.start(id, owner);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    assertThat(DockerCli.containersLabelled(label)).hasSize(3);

    // idle stop: a fresh notebook with no kernel, no Spark application, a tiny idle time
    jdbc.update("update workspace_templates set idle_stop_seconds = 2 where name = ?", template);
    sleep(3000);
    idleStop.check();

    WorkspaceView idle = await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(DockerCli.containersLabelled(label)).isEmpty();
    assertThat(idle.stopNote()).startsWith("Stopped after").contains("without activity");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'workspace.stopping'"
                    + " and actor = 'portal' and target = ? and detail like '%without activity%'",
                Long.class, owner.username() + "/" + name))
        .isEqualTo(1);
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    Instant deadline = Instant.now().plus(UP_TO);
    WorkspaceView ws = workspaces.get(id, ADMIN);
    while (!condition.test(ws) && Instant.now().isBefore(deadline)) {
      sleep(250);
      ws = workspaces.get(id, ADMIN);
    }
    assertThat(condition.test(ws))
        .as("%s: %s (%s), steps %s", ws.name(), ws.status(), ws.statusReason(), ws.steps())
        .isTrue();
    return ws;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
