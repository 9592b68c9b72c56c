package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.engine.StepKind;

/**
 * Expiry on storage-only workspaces (no Docker): the pages warn ahead, an expired workspace stops
 * (not deleted), cannot be started, says so on its page, and is deleted once kept long enough.
 */
@PortalIntegrationTest
class WorkspaceExpiryTest {

  private static final CurrentUser ADMIN = new CurrentUser("expiry-admin", true);

  @LocalServerPort int port;
  @Autowired WorkspaceService workspaces;
  @Autowired WorkspaceExpiry expiry;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private Account owner;

  @BeforeEach
  void owner() {
    owner = IdentityFixtures.newAccount(identity, tokens, Role.USER, "expiry");
  }

  private UUID ready() {
    UUID id =
        workspaces
            .request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), owner.asUser())
            .id();
    workspaces.approve(id, ADMIN);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    return id;
  }

  private void expiresAt(UUID id, Instant at) {
    jdbc.update("update workspaces set expires_at = ? where id = ?", Timestamp.from(at), id);
  }

  @Test
  void thePagesWarnAheadOfTheExpiry() throws Exception {
    UUID id = ready();
    expiresAt(id, Instant.now().plus(Duration.ofHours(5)).plus(Duration.ofMinutes(1)));

    assertThat(Html.text(page("/workspaces/" + id, false)))
        .contains("Expires in 5 hours", "It then stops");
    assertThat(Html.text(page("/workspaces", false))).contains("expires in 5 hours");
    assertThat(Html.text(page("/admin/workspaces?owner=" + owner.username(), true)))
        .contains("expires in 5 hours");

    expiresAt(id, Instant.now().plus(Duration.ofDays(3)));
    assertThat(page("/workspaces/" + id, false)).doesNotContain("expiry-warning");
    assertThat(page("/workspaces", false)).doesNotContain("expiry-note");
  }

  @Test
  void anExpiredWorkspaceStopsCannotBeStartedAndSaysSo() throws Exception {
    UUID id = ready();
    Instant expired = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
    expiresAt(id, expired);

    expiry.enforce();

    WorkspaceView stopped = await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    assertThat(stopped.history())
        .filteredOn(h -> h.to() == WorkspaceStatus.STOPPING)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.actor()).isEqualTo("portal");
              assertThat(h.reason()).startsWith("Expired at " + expired);
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'workspace.stopping'"
                    + " and target = ? and detail like '%Expired at%'",
                Long.class, owner.username() + "/" + stopped.name()))
        .isEqualTo(1);

    assertThatThrownBy(() -> workspaces.start(id, owner.asUser()))
        .isInstanceOf(WorkspaceExpiredException.class)
        .hasMessageContaining("ask for an extension");
    Reply start =
        new HttpApi(port).post("/api/v1/workspaces/" + id + "/start", owner.bearer(), null);
    assertThat(start.status()).isEqualTo(409);
    assertThat(start.problemType()).isEqualTo("workspace-expired");
    assertThat(start.json().path("detail").asString())
        .contains("/api/v1/workspaces/" + id + "/extension");
    assertThat(workspaces.get(id, owner.asUser()).status()).isEqualTo(WorkspaceStatus.STOPPED);

    String text = Html.text(page("/workspaces/" + id, false));
    assertThat(text).contains("Expired 10 minutes ago", "without one it is deleted in 14 days");
    assertThat(Html.text(page("/workspaces", false))).contains("expired 10 minutes ago");

    // a second pass changes nothing: it is stopped, and not yet kept long enough to go
    expiry.enforce();
    assertThat(workspaces.get(id, owner.asUser()).status()).isEqualTo(WorkspaceStatus.STOPPED);
  }

  @Test
  void anExpiredWorkspaceKeptLongEnoughIsDeletedWithItsRetentionChoice() {
    UUID id = ready();
    expiresAt(id, Instant.now().minus(Duration.ofDays(15)));
    expiry.enforce();
    // the portal's own scheduled pass may take the second step before this test does: wait for
    // the stop to be in the history, not for a status that may already be gone
    await(id, w -> w.history().stream().anyMatch(h -> h.to() == WorkspaceStatus.STOPPED));

    expiry.enforce();

    WorkspaceView deleted = await(id, w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(deleted.history())
        .filteredOn(h -> h.to() == WorkspaceStatus.DELETING)
        .singleElement()
        .satisfies(h -> assertThat(h.reason()).contains("not extended"));
    assertThat(deleted.steps())
        .extracting(StepView::kind)
        .contains(StepKind.REVOKE_KEYS, StepKind.REMOVE_BUCKET);
  }

  @Test
  void aWorkspaceStoppedByItsOwnerIsNotDeletedBeforeItHasBeenExpiredLongEnough() {
    UUID id = ready();
    workspaces.stop(id, owner.asUser());
    await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    expiresAt(id, Instant.now().minus(Duration.ofDays(13)));

    expiry.enforce();

    assertThat(workspaces.get(id, owner.asUser()).status()).isEqualTo(WorkspaceStatus.STOPPED);
  }

  private String page(String path, boolean admin) throws Exception {
    var who =
        admin
            ? user(PortalIntegrationTest.ADMIN_USERNAME).roles("ADMIN", "USER")
            : user(owner.username()).roles("USER");
    var response = mvc.perform(get(path).with(who)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    return WorkspaceFixtures.awaitView(
        workspaces, ADMIN, id, condition, Duration.ofSeconds(60), Duration.ofMillis(100));
  }
}
