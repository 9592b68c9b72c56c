package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.ApiProblems.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditFixtures;
import tools.jackson.databind.JsonNode;

/**
 * Users and tokens through the REST API as an admin's script uses it: creating and changing users,
 * tokens, failed logins, and what each leaves in the audit trail.
 */
@PortalIntegrationTest
class IdentityApiTest {

  private static final String LOCALHOST = "127.0.0.1";

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  private HttpApi api;
  private Auth admin;

  @BeforeEach
  void adminToken() {
    api = new HttpApi(port);
    IdentityFixtures.ensureBootstrapAdmin(identity);
    Reply reply =
        api.post(
            "/api/v1/tokens",
            Auth.basic(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD),
            Map.of("name", "identity test"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    admin = Auth.bearer(reply.json().path("token").asString());
  }

  private String newUser(String prefix) {
    String username = IdentityFixtures.uniqueUsername(prefix);
    Reply reply =
        api.post(
            "/api/v1/admin/users",
            admin,
            Map.of("username", username, "password", IdentityFixtures.PASSWORD, "role", "USER"));
    assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    return username;
  }

  private Reply patchUser(String username, Map<String, Object> patch) {
    Reply reply = api.patch("/api/v1/admin/users/" + username, admin, patch);
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply;
  }

  @Test
  void patchingOneQuotaLeavesTheOtherAlone() {
    String owner = newUser("patch");
    patchUser(owner, Map.of("maxWorkspaces", 2));

    Reply second = patchUser(owner, Map.of("maxWorkers", 7));

    // an absent field is not a change: maxWorkspaces stays as it was
    assertThat(second.json().path("maxWorkers").asInt()).isEqualTo(7);
    assertThat(second.json().path("maxWorkspaces").isNull())
        .as("maxWorkspaces was cleared: %s", second.body())
        .isFalse();
    assertThat(second.json().path("maxWorkspaces").asInt()).isEqualTo(2);
  }

  @Test
  void patchingOnlyEnabledLeavesTheQuotasAloneAndIsAudited() {
    String owner = newUser("patch-en");
    patchUser(owner, Map.of("maxWorkspaces", 2, "maxWorkers", 3));

    Reply disabled = patchUser(owner, Map.of("enabled", false));

    assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
    assertThat(disabled.json().path("maxWorkspaces").asInt()).isEqualTo(2);
    assertThat(disabled.json().path("maxWorkers").asInt()).isEqualTo(3);
    assertThat(AuditFixtures.entry(api, admin, "user.disabled", owner).path("actor").asString())
        .isEqualTo(PortalIntegrationTest.ADMIN_USERNAME);
    assertThat(
            AuditFixtures.entry(api, admin, "user.quota-changed", owner).path("detail").asString())
        .isEqualTo("maxWorkspaces=2, maxWorkers=3");
  }

  @Test
  void patchingAnUnknownUserIsNotFoundAndANegativeQuotaIsRefused() {
    assertProblem(
        api.patch(
            "/api/v1/admin/users/" + IdentityFixtures.uniqueUsername("ghost"),
            admin,
            Map.of("enabled", true)),
        404,
        "not-found");
    Reply negative =
        api.patch("/api/v1/admin/users/" + newUser("neg"), admin, Map.of("maxWorkers", -1));
    assertProblem(negative, 400, "validation");
    assertThat(negative.json().path("errors").findValuesAsString("field"))
        .containsExactly("maxWorkers");
  }

  @Test
  void creatingAUserTwiceIsAConflict() {
    String username = newUser("twice");

    Reply again =
        api.post(
            "/api/v1/admin/users",
            admin,
            Map.of("username", username, "password", IdentityFixtures.PASSWORD, "role", "ADMIN"));

    assertProblem(again, 409, "username-taken");
  }

  @Test
  void revokingATokenIsAudited() {
    String owner = newUser("revoke");
    Reply token =
        api.post(
            "/api/v1/tokens",
            Auth.basic(owner, IdentityFixtures.PASSWORD),
            Map.of("name", "to revoke"));

    Reply revoke =
        api.delete(
            "/api/v1/tokens/" + token.json().path("id").asString(),
            Auth.bearer(token.json().path("token").asString()));

    assertThat(revoke.status()).isEqualTo(204);
    JsonNode audit = AuditFixtures.entry(api, admin, "token.revoked", owner);
    assertThat(audit.path("actor").asString()).isEqualTo(owner);
    assertThat(audit.path("detail").asString()).isEqualTo("'to revoke'");
    assertThat(audit.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
  }

  @Test
  void aFailedLoginIsAuditedWithTheNameTriedAndTheAddress() {
    String owner = newUser("badpw");

    Reply reply =
        api.post("/api/v1/tokens", Auth.basic(owner, "not-the-password"), Map.of("name", "x"));

    assertThat(reply.status()).isEqualTo(401);
    JsonNode audit = AuditFixtures.entry(api, admin, "login.failed", owner);
    assertThat(audit.path("actor").asString()).isEqualTo(owner);
    assertThat(audit.path("detail").asString()).isEqualTo("BadCredentialsException");
    assertThat(audit.path("remoteAddress").asString()).isEqualTo(LOCALHOST);
    assertThat(audit.toString()).doesNotContain("not-the-password");
    assertThat(
            AuditFixtures.entries(api, admin, "login.failed").stream()
                .filter(e -> owner.equals(e.path("target").asString())))
        .as("one audit row per failed login")
        .hasSize(1);
  }

  @Test
  void aFailedLoginForAnUnknownUserIsAuditedToo() {
    String ghost = IdentityFixtures.uniqueUsername("ghost");

    assertThat(
            api.post("/api/v1/tokens", Auth.basic(ghost, "whatever"), Map.of("name", "x")).status())
        .isEqualTo(401);

    assertThat(
            AuditFixtures.entry(api, admin, "login.failed", ghost).path("remoteAddress").asString())
        .isEqualTo(LOCALHOST);
  }

  @Test
  void anAbsurdQuotaIsRefusedNamingTheRange() {
    Reply reply =
        api.patch("/api/v1/admin/users/" + newUser("huge"), admin, Map.of("maxWorkers", 5_000_000));

    assertProblem(reply, 400, "validation");
    assertThat(reply.json().path("errors").findValuesAsString("field"))
        .containsExactly("maxWorkers");
    assertThat(reply.json().path("detail").asString()).contains("0 to 1000000");
  }

  @Test
  void everyLoserOfARaceForTheSameUsernameGetsUsernameTaken() throws Exception {
    for (int round = 0; round < 5; round++) {
      String username = IdentityFixtures.uniqueUsername("race");
      Map<String, Object> body =
          Map.of("username", username, "password", IdentityFixtures.PASSWORD, "role", "USER");
      List<Callable<Reply>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> api.post("/api/v1/admin/users", admin, body));
      }
      List<Reply> replies = new ArrayList<>();
      try (ExecutorService pool = Executors.newFixedThreadPool(calls.size())) {
        for (Future<Reply> reply : pool.invokeAll(calls)) {
          replies.add(reply.get());
        }
      }

      assertThat(replies).filteredOn(r -> r.status() == 201).hasSize(1);
      assertThat(replies)
          .filteredOn(r -> r.status() != 201)
          .allSatisfy(r -> assertProblem(r, 409, "username-taken"));
    }
  }
}
