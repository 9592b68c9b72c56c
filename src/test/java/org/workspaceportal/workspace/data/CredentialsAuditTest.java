package org.workspaceportal.workspace.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.HttpApi;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * The audit trail holds every real reveal of a workspace's secret and every denied try, and nothing
 * else: a request that ends without the secret (406, HEAD) is not a reveal.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredentialsAuditTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired WorkspaceService workspaces;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private HttpApi api;
  private Account owner;
  private Account other;
  private Account admin;
  private WorkspaceView ready;

  @BeforeAll
  void aReadyWorkspace() throws InterruptedException {
    api = new HttpApi(port);
    owner = IdentityFixtures.newAccount(identity, tokens, Role.USER, "cred-owner");
    other = IdentityFixtures.newAccount(identity, tokens, Role.USER, "cred-other");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "cred-admin");
    WorkspaceView ws =
        workspaces.request(
            WorkspaceFixtures.request(WorkspaceFixtures.uniqueName(), 1), owner.asUser());
    workspaces.approve(ws.id(), admin.asAdmin());
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (workspaces.get(ws.id(), admin.asAdmin()).status() != WorkspaceStatus.READY
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
    ready = workspaces.get(ws.id(), admin.asAdmin());
    assertThat(ready.status()).isEqualTo(WorkspaceStatus.READY);
  }

  private long rows(String action, String actor) {
    return jdbc.queryForObject(
        "select count(*) from audit_events where action = ? and actor = ?",
        Long.class,
        action,
        actor);
  }

  private String path() {
    return "/api/v1/workspaces/" + ready.id() + "/credentials";
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/xml", "text/html"})
  void aRequestThatCannotTakeTheAnswerIsRefusedBeforeAnythingIsRevealed(String accept) {
    long before = rows("credentials.revealed", owner.username());

    Reply reply = api.getAccepting(path(), owner.bearer(), accept);

    assertThat(reply.status()).as("%s", reply).isEqualTo(406);
    assertThat(reply.body()).doesNotContain("secretAccessKey");
    assertThat(rows("credentials.revealed", owner.username())).isEqualTo(before);
  }

  @Test
  void aHeadRequestRevealsNothingAndIsNotAuditedAsAReveal() {
    long before = rows("credentials.revealed", owner.username());

    Reply reply = api.send("HEAD", path(), owner.bearer(), BodyPublishers.noBody(), null);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(rows("credentials.revealed", owner.username())).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/credentials.env", "/spark-defaults.conf", "/secret"})
  void theDownloadsAndTheSecretFragmentAreNotRevealsWhenNothingIsSent(String suffix)
      throws Exception {
    long before = rows("credentials.revealed", owner.username());
    var asOwner = user(owner.username()).roles("USER");

    int headStatus =
        mvc.perform(head("/workspaces/" + ready.id() + suffix).with(asOwner))
            .andReturn()
            .getResponse()
            .getStatus();
    int jsonOnlyStatus =
        mvc.perform(
                get("/workspaces/" + ready.id() + suffix).with(asOwner).accept("application/json"))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(headStatus).isEqualTo(200);
    assertThat(jsonOnlyStatus).isEqualTo(406);
    assertThat(rows("credentials.revealed", owner.username())).isEqualTo(before);
  }

  @Test
  void theEnvFileIsNamedAfterItsWorkspaceOnHeadAndGetAlike() throws Exception {
    var asOwner = user(owner.username()).roles("USER");
    String path = "/workspaces/" + ready.id() + "/credentials.env";

    String onHead =
        mvc.perform(head(path).with(asOwner))
            .andReturn()
            .getResponse()
            .getHeader("Content-Disposition");
    String onGet =
        mvc.perform(get(path).with(asOwner))
            .andReturn()
            .getResponse()
            .getHeader("Content-Disposition");

    // the name the workspace page tells its owner to source
    assertThat(onGet).isEqualTo("attachment; filename=\"" + ready.name() + ".env\"");
    assertThat(onHead).isEqualTo(onGet);
  }

  @Test
  void aRealRevealIsAuditedOnce() {
    long before = rows("credentials.revealed", owner.username());

    Reply reply = api.get(path(), owner.bearer());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().path("secretAccessKey").asString()).isNotBlank();
    assertThat(rows("credentials.revealed", owner.username())).isEqualTo(before + 1);
  }

  @Test
  void anotherUsersOrAnAdminsTryIsDeniedAndAudited() {
    for (Account who : new Account[] {other, admin}) {
      long before = rows("credentials.denied", who.username());

      Reply reply = api.get(path(), who.bearer());
      Reply head = api.send("HEAD", path(), who.bearer(), BodyPublishers.noBody(), null);

      assertThat(reply.status()).isEqualTo(404);
      assertThat(head.status()).isEqualTo(404);
      assertThat(rows("credentials.denied", who.username())).isEqualTo(before + 2);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'credentials.denied'"
                    + " and actor = ? and target = ?",
                Long.class,
                other.username(),
                owner.username() + "/" + ready.name()))
        .isEqualTo(2);
  }

  @Test
  void aTryOnAWorkspaceThatDoesNotExistIsAuditedWithItsIdAndAnswersTheSame404() {
    UUID unknown = UUID.randomUUID();

    Reply reply = api.get("/api/v1/workspaces/" + unknown + "/credentials", other.bearer());

    assertThat(reply.status()).isEqualTo(404);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'credentials.denied' and target = ?",
                Long.class,
                "workspace " + unknown))
        .isEqualTo(1);
  }
}
