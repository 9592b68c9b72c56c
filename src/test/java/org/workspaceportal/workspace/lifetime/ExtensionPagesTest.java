package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workspaceportal.Html;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;

/**
 * Asking for more time on the workspace page and deciding it on the approvals page (full app,
 * storage-only workspaces set READY directly: nothing runs).
 */
@PortalIntegrationTest
class ExtensionPagesTest {

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  private CurrentUser owner;
  private UUID id;
  private Instant expires;

  @BeforeEach
  void readyWorkspaceExpiringSoon() {
    owner = new CurrentUser(WorkspaceFixtures.uniqueName().replace("ws-", "ext"), false);
    identity.createUser(new NewUser(owner.username(), "password-123", Role.USER), "test");
    id = workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), owner).id();
    expires = Instant.now().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    jdbc.update(
        "update workspaces set status = 'READY', expires_at = ? where id = ?",
        Timestamp.from(expires),
        id);
  }

  private MvcResult ask(String until, String reason) throws Exception {
    return mvc.perform(
            post("/workspaces/" + id + "/extension")
                .param("expiresAt", until)
                .param("reason", reason)
                .with(user(owner.username()).roles("USER"))
                .with(csrf()))
        .andReturn();
  }

  private String page(String path, boolean admin) throws Exception {
    var who =
        admin
            ? user(PortalIntegrationTest.ADMIN_USERNAME).roles("ADMIN", "USER")
            : user(owner.username()).roles("USER");
    return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString();
  }

  private long extensions() {
    return jdbc.queryForObject(
        "select count(*) from workspace_extensions where workspace_id = ?", Long.class, id);
  }

  @Test
  void theOwnerAsksOnThePageAndAnAdminApprovesOnTheApprovalsPage() throws Exception {
    assertThat(page("/workspaces/" + id, false)).contains("id=\"extension-form\"");
    String until =
        LocalDateTime.ofInstant(expires.plus(Duration.ofDays(5)), ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();

    MvcResult asked = ask(until, "the experiment needs the weekend");

    assertThat(asked.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(asked.getFlashMap().get("flash").toString()).contains("an admin decides");
    assertThat(Html.text(page("/workspaces/" + id, false)))
        .contains("waiting for an admin")
        .doesNotContain("Keep it until");
    String approvals = page("/admin/approvals", true);
    assertThat(Html.text(approvals))
        .contains("More time asked for", "the experiment needs the weekend");
    String extension =
        jdbc.queryForObject(
            "select id::text from workspace_extensions where workspace_id = ?", String.class, id);

    mvc.perform(
            post("/admin/extensions/" + extension + "/approve")
                .with(user(PortalIntegrationTest.ADMIN_USERNAME).roles("ADMIN", "USER"))
                .with(csrf()))
        .andReturn();

    assertThat(workspaces.get(id, owner).expiresAt())
        .isEqualTo(LocalDateTime.parse(until).toInstant(ZoneOffset.UTC));
    assertThat(Html.text(page("/workspaces/" + id, false))).contains("Extended by");
  }

  @Test
  void aBadDateOnThePageIsAMessageAndStoresNothing() throws Exception {
    MvcResult asked = ask("next tuesday", "why not");

    assertThat(asked.getResponse().getStatus()).isEqualTo(302);
    assertThat(asked.getFlashMap().get("flashError").toString()).contains("date and time");
    assertThat(extensions()).isZero();

    MvcResult past = ask("2001-01-01T00:00", "why not");
    assertThat(past.getFlashMap().get("flashError").toString()).contains("later than now");
    assertThat(extensions()).isZero();
  }

  @Test
  void anotherUserCannotAskForTheirWorkspace() throws Exception {
    String stranger = WorkspaceFixtures.uniqueName().replace("ws-", "other");
    identity.createUser(new NewUser(stranger, "password-123", Role.USER), "test");
    var other =
        mvc.perform(
                post("/workspaces/" + id + "/extension")
                    .param("expiresAt", "2031-01-01T00:00")
                    .param("reason", "mine now")
                    .with(user(stranger).roles("USER"))
                    .with(csrf()))
            .andReturn();

    assertThat(other.getFlashMap().get("flashError").toString()).contains("not found");
    assertThat(extensions()).isZero();
  }
}
