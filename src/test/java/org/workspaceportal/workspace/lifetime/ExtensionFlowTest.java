package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * Extensions over REST (storage-only workspaces, no Docker): the owner asks, an admin approves or
 * rejects; approval moves the expiry so an expired, stopped workspace starts again; audited.
 */
@PortalIntegrationTest
class ExtensionFlowTest {

  private static final CurrentUser ADMIN = new CurrentUser("extension-admin", true);

  @LocalServerPort int port;
  @Autowired WorkspaceService workspaces;
  @Autowired WorkspaceExpiry expiry;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcTemplate jdbc;

  private HttpApi api;
  private Account owner;
  private Account admin;

  @BeforeEach
  void accounts() {
    api = new HttpApi(port);
    owner = IdentityFixtures.newAccount(identity, tokens, Role.USER, "extend");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "extend-admin");
  }

  private UUID readyExpiringAt(Instant at) {
    UUID id =
        workspaces
            .request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), owner.asUser())
            .id();
    workspaces.approve(id, ADMIN);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    jdbc.update("update workspaces set expires_at = ? where id = ?", Timestamp.from(at), id);
    return id;
  }

  private Reply ask(UUID id, Object until, String reason) {
    return api.post(
        "/api/v1/workspaces/" + id + "/extension",
        owner.bearer(),
        Map.of("expiresAt", until.toString(), "reason", reason));
  }

  @Test
  void anApprovedExtensionLetsAnExpiredStoppedWorkspaceStartAgain() {
    UUID id = readyExpiringAt(Instant.now().minus(Duration.ofMinutes(5)));
    expiry.enforce();
    await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    Instant until = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS);

    Reply asked = ask(id, until, "the paper is due next week");

    assertThat(asked.status()).as("%s", asked).isEqualTo(201);
    assertThat(asked.header("Location")).isEqualTo("/api/v1/workspaces/" + id + "/extension");
    assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
    Reply again = ask(id, until.plusSeconds(60), "twice");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.problemType()).isEqualTo("extension-not-possible");

    Reply queue = api.get("/api/v1/admin/extensions", admin.bearer());
    String extension = asked.json().path("id").asString();
    assertThat(queue.json().findValuesAsString("id")).contains(extension);

    Reply approved =
        api.post("/api/v1/admin/extensions/" + extension + "/approve", admin.bearer(), null);

    assertThat(approved.status()).as("%s", approved).isEqualTo(200);
    assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
    assertThat(workspaces.get(id, owner.asUser()).expiresAt()).isEqualTo(until);
    assertThat(api.get("/api/v1/admin/extensions", admin.bearer()).json().findValuesAsString("id"))
        .doesNotContain(extension);
    Reply start = api.post("/api/v1/workspaces/" + id + "/start", owner.bearer(), null);
    assertThat(start.status()).as("%s", start).isEqualTo(202);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    Reply approvedTwice =
        api.post("/api/v1/admin/extensions/" + extension + "/approve", admin.bearer(), null);
    assertThat(approvedTwice.status()).isEqualTo(409);

    String target = owner.username() + "/" + workspaces.get(id, ADMIN).name();
    assertThat(
            jdbc.queryForList(
                "select action from audit_events where target = ? and action like"
                    + " 'workspace.extension%' order by id",
                String.class, target))
        .containsExactly("workspace.extension-requested", "workspace.extension-approved");
  }

  @Test
  void aRejectedExtensionLeavesTheExpiryAndTellsTheOwnerWhy() {
    Instant expires = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    UUID id = readyExpiringAt(expires);
    Reply asked = ask(id, expires.plus(Duration.ofDays(30)), "more please");
    String extension = asked.json().path("id").asString();

    Reply noReason =
        api.post("/api/v1/admin/extensions/" + extension + "/reject", admin.bearer(), Map.of());
    Reply rejected =
        api.post(
            "/api/v1/admin/extensions/" + extension + "/reject",
            admin.bearer(),
            Map.of("reason", "a week at most"));

    assertThat(noReason.status()).isEqualTo(400);
    assertThat(rejected.status()).as("%s", rejected).isEqualTo(200);
    assertThat(workspaces.get(id, owner.asUser()).expiresAt()).isEqualTo(expires);
    Reply latest = api.get("/api/v1/workspaces/" + id + "/extension", owner.bearer());
    assertThat(latest.json().path("status").asString()).isEqualTo("REJECTED");
    assertThat(latest.json().path("decisionReason").asString()).isEqualTo("a week at most");
  }

  @Test
  void anExtensionMustBeLaterThanTheExpiryAndWithinTheMaximumLifetime() {
    Instant expires = Instant.now().plus(Duration.ofDays(2));
    UUID id = readyExpiringAt(expires);

    Reply earlier = ask(id, expires.minus(Duration.ofDays(1)), "shorter?");
    Reply tooFar = ask(id, Instant.now().plus(Duration.ofDays(400)), "forever");
    Reply notADate = ask(id, "next tuesday", "when?");

    for (Reply r : new Reply[] {earlier, tooFar, notADate}) {
      assertThat(r.status()).as("%s", r).isEqualTo(400);
      assertThat(r.json().path("errors").findValuesAsString("field")).contains("expiresAt");
    }
    assertThat(api.get("/api/v1/workspaces/" + id + "/extension", owner.bearer()).status())
        .as("nothing was stored")
        .isEqualTo(404);
  }

  @Test
  void aWorkspaceThatNeverExpiresHasNothingToExtend() {
    UUID id =
        workspaces
            .request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), owner.asUser())
            .id();
    workspaces.approve(id, ADMIN);

    Reply asked = ask(id, Instant.now().plus(Duration.ofDays(3)), "why not");

    assertThat(asked.status()).isEqualTo(409);
    assertThat(asked.problemType()).isEqualTo("extension-not-possible");
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    return WorkspaceFixtures.awaitView(
        workspaces, ADMIN, id, condition, Duration.ofSeconds(60), Duration.ofMillis(100));
  }
}
