package org.workspaceportal.workspace.lifetime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
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
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;

/**
 * The admin setting of how long an expired, stopped workspace is kept before it is deleted: on the
 * admin "All workspaces" page, over REST, audited, and obeyed by the expiry task. Each test starts
 * and ends with the configured default (14 days), which the other tests in the JVM expect.
 */
@PortalIntegrationTest
class ExpirySettingTest {

  private static final CurrentUser ADMIN = new CurrentUser("expiry-setting-admin", true);

  @LocalServerPort int port;
  @Autowired ExpirySettings settings;
  @Autowired WorkspaceExpiry expiry;
  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;

  private Account admin;
  private Account user;

  @BeforeEach
  void accounts() {
    settings.useDefault("test");
    admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "keepadmin");
    user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "keepuser");
  }

  @AfterEach
  void backToTheDefault() {
    settings.useDefault("test");
  }

  // --- the page ---

  @Test
  void anAdminSeesTheDefaultChangesItOnTheSettingsPageAndTheChangeIsAudited() throws Exception {
    String before = Html.text(page("/admin/settings"));
    assertThat(before)
        .contains(
            "Expired workspaces are kept stopped for 14 days before they are deleted with their"
                + " retention choice (the default).");
    Html.assertEveryPostFormCarriesACsrfToken(page("/admin/settings"));

    MvcResult saved = save("30", asAdmin());

    assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/admin/settings");
    assertThat(Html.flash(saved))
        .containsEntry(
            "flash",
            "Expired workspaces are now kept stopped for 30 days before they are deleted.");
    String after = Html.text(page("/admin/settings"));
    assertThat(after)
        .contains("kept stopped for 30 days before they are deleted")
        .contains("The default is 14 days", "Last changed by " + admin.username())
        .doesNotContain("(the default)");
    assertThat(page("/admin/settings")).contains("value=\"30\"");
    assertThat(settings.current().savedDays()).isEqualTo(30);
    assertThat(lastAudit()).isEqualTo(admin.username() + " | 14 days (default) → 30 days");

    MvcResult reset =
        mvc.perform(post("/admin/settings/expiry/default").with(asAdmin()).with(csrf()))
            .andReturn();
    assertThat(Html.flash(reset))
        .containsEntry(
            "flash", "Expired workspaces are kept stopped for the default 14 days again.");
    assertThat(settings.current().isDefault()).isTrue();
    assertThat(lastAudit()).isEqualTo(admin.username() + " | 30 days → 14 days (default)");
  }

  @Test
  void badInputOnThePageGetsAClearMessageAndChangesNothing() throws Exception {
    settings.setKeepStoppedForDays(20, "test");
    long audits = audits();

    for (var bad :
        Map.of(
                "",
                "The number of days is missing.",
                "abc",
                "That is not a whole number of days.",
                "2.5",
                "That is not a whole number of days.",
                "99999999999999",
                "That is not a whole number of days.",
                "0",
                "0 days is out of range.",
                "366",
                "366 days is out of range.",
                "-3",
                "-3 days is out of range.")
            .entrySet()) {
      MvcResult result = save(bad.getKey(), asAdmin());

      assertThat(result.getResponse().getStatus()).as(bad.getKey()).isEqualTo(302);
      assertThat(Html.flash(result))
          .as(bad.getKey())
          .containsEntry(
              "flashError",
              bad.getValue() + " Enter the number of days as a whole number from 1 to 365.");
    }
    assertThat(settings.current().savedDays()).isEqualTo(20);
    assertThat(audits()).isEqualTo(audits);
  }

  @Test
  void aUserCannotSeeOrChangeTheSettingOnThePages() throws Exception {
    RequestPostProcessor asUser = user(user.username()).roles("USER");

    assertThat(
            mvc.perform(get("/admin/settings").with(asUser)).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    assertThat(save("3", asUser).getResponse().getStatus()).isEqualTo(403);
    assertThat(
            mvc.perform(post("/admin/settings/expiry/default").with(asUser).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    // and an admin's form needs its CSRF token
    assertThat(
            mvc.perform(
                    post("/admin/settings/expiry").param("keepStoppedForDays", "3").with(asAdmin()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(settings.current().isDefault()).isTrue();
  }

  // --- REST ---

  @Test
  void anAdminReadsChangesAndResetsItOverRest() {
    HttpApi api = new HttpApi(port);

    Reply first = api.get("/api/v1/admin/settings/expiry", admin.bearer());
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("keepStoppedForDays").asLong()).isEqualTo(14);
    assertThat(first.json().path("keepStoppedFor").asString()).isEqualTo("PT336H");
    assertThat(first.json().path("isDefault").asBoolean()).isTrue();
    assertThat(first.json().path("defaultKeepStoppedFor").asString()).isEqualTo("PT336H");

    Reply put =
        api.sendJson(
            "PUT",
            "/api/v1/admin/settings/expiry",
            admin.bearer(),
            Map.of("keepStoppedForDays", 7));
    assertThat(put.status()).as("%s", put).isEqualTo(200);
    assertThat(put.json().path("keepStoppedForDays").asLong()).isEqualTo(7);
    assertThat(put.json().path("isDefault").asBoolean()).isFalse();
    assertThat(put.json().path("changedBy").asString()).isEqualTo(admin.username());
    assertThat(api.get("/api/v1/admin/settings/expiry", admin.bearer()).json())
        .isEqualTo(put.json());
    assertThat(lastAudit()).isEqualTo(admin.username() + " | 14 days (default) → 7 days");

    Reply reset = api.delete("/api/v1/admin/settings/expiry", admin.bearer());
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json().path("isDefault").asBoolean()).isTrue();
    assertThat(reset.json().path("keepStoppedForDays").asLong()).isEqualTo(14);
    assertThat(lastAudit()).isEqualTo(admin.username() + " | 7 days → 14 days (default)");
  }

  @Test
  void badBodiesAreValidationProblemsAndUsersAreForbidden() {
    HttpApi api = new HttpApi(port);
    settings.setKeepStoppedForDays(20, "test");
    long audits = audits();

    for (String body :
        new String[] {
          "{\"keepStoppedForDays\": 0}",
          "{\"keepStoppedForDays\": 366}",
          "{\"keepStoppedForDays\": \"30\"}",
          "{\"keepStoppedForDays\": 2.5}",
          "{\"keepStoppedForDays\": null}",
          "{}",
          "{\"keepStoppedForDays\": 30, \"other\": 1}",
          "not json"
        }) {
      Reply reply = api.sendJson("PUT", "/api/v1/admin/settings/expiry", admin.bearer(), body);
      assertThat(reply.status()).as("%s → %s", body, reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().path("detail").asString()).as(body).isNotBlank();
    }
    Reply outOfRange =
        api.sendJson(
            "PUT",
            "/api/v1/admin/settings/expiry",
            admin.bearer(),
            Map.of("keepStoppedForDays", 0));
    assertThat(outOfRange.problemType()).isEqualTo("validation");
    assertThat(outOfRange.json().path("detail").asString())
        .isEqualTo("keepStoppedForDays: must be a whole number of days from 1 to 365");

    for (Reply refused :
        new Reply[] {
          api.get("/api/v1/admin/settings/expiry", user.bearer()),
          api.sendJson(
              "PUT",
              "/api/v1/admin/settings/expiry",
              user.bearer(),
              Map.of("keepStoppedForDays", 3)),
          api.delete("/api/v1/admin/settings/expiry", user.bearer())
        }) {
      assertThat(refused.status()).as("%s", refused).isEqualTo(403);
      assertThat(refused.problemType()).isEqualTo("forbidden");
    }
    assertThat(settings.current().savedDays()).isEqualTo(20);
    assertThat(audits()).isEqualTo(audits);
  }

  // --- the expiry task ---

  @Test
  void theExpiryTaskDeletesByTheSavedValue() {
    UUID longAgo = stoppedAndExpired(Duration.ofDays(4).plusHours(1));
    UUID lately = stoppedAndExpired(Duration.ofDays(2));

    // by the default (14 days) neither has been kept long enough
    expiry.enforce();
    assertThat(status(longAgo)).isEqualTo(WorkspaceStatus.STOPPED);
    assertThat(status(lately)).isEqualTo(WorkspaceStatus.STOPPED);

    settings.setKeepStoppedForDays(3, "test");
    expiry.enforce();

    await(longAgo, w -> w.status() == WorkspaceStatus.DELETED);
    assertThat(status(lately)).isEqualTo(WorkspaceStatus.STOPPED);
  }

  @Test
  void aLongerSavedValueKeepsWhatTheDefaultWouldHaveDeleted() {
    UUID expired = stoppedAndExpired(Duration.ofDays(15));
    settings.setKeepStoppedForDays(20, "test");

    expiry.enforce();

    assertThat(status(expired)).isEqualTo(WorkspaceStatus.STOPPED);
    String page = Html.text(pageAsOwner("/workspaces/" + expired));
    assertThat(page).contains("without one it is deleted in 5 days");

    settings.useDefault("test");
    expiry.enforce();
    await(expired, w -> w.status() == WorkspaceStatus.DELETED);
  }

  private UUID stoppedAndExpired(Duration ago) {
    UUID id =
        workspaces
            .request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName()), user.asUser())
            .id();
    workspaces.approve(id, ADMIN);
    await(id, w -> w.status() == WorkspaceStatus.READY);
    workspaces.stop(id, user.asUser());
    await(id, w -> w.status() == WorkspaceStatus.STOPPED);
    jdbc.update(
        "update workspaces set expires_at = ? where id = ?",
        Timestamp.from(Instant.now().minus(ago)),
        id);
    return id;
  }

  private WorkspaceStatus status(UUID id) {
    return workspaces.get(id, ADMIN).status();
  }

  private RequestPostProcessor asAdmin() {
    return user(admin.username()).roles("ADMIN", "USER");
  }

  private MvcResult save(String days, RequestPostProcessor who) throws Exception {
    return mvc.perform(
            post("/admin/settings/expiry").param("keepStoppedForDays", days).with(who).with(csrf()))
        .andReturn();
  }

  private String page(String path) throws Exception {
    var response = mvc.perform(get(path).with(asAdmin())).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private String pageAsOwner(String path) {
    try {
      var response =
          mvc.perform(get(path).with(user(user.username()).roles("USER")))
              .andReturn()
              .getResponse();
      assertThat(response.getStatus()).as(path).isEqualTo(200);
      return response.getContentAsString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String lastAudit() {
    return jdbc.queryForObject(
        "select actor || ' | ' || detail from audit_events where action = 'setting.changed'"
            + " and target = 'workspace expiry: keep stopped for' order by id desc limit 1",
        String.class);
  }

  private long audits() {
    return jdbc.queryForObject(
        "select count(*) from audit_events where action = 'setting.changed'", Long.class);
  }

  private WorkspaceView await(UUID id, Predicate<WorkspaceView> condition) {
    return WorkspaceFixtures.awaitView(
        workspaces, ADMIN, id, condition, Duration.ofSeconds(60), Duration.ofMillis(100));
  }
}
