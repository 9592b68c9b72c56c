package org.workspaceportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.ApiTokenView;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.NewApiToken;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.Role;
import org.workspaceportal.identity.UsernameTakenException;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.quota.QuotaLimits;

/** The admin's users page and everyone's "my tokens" page. */
@PageSliceTest
class IdentityPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final String ROOT = RealSecurityTestConfiguration.ADMIN;
  private static final String SECRET = "wsp_" + "s".repeat(43);

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired WorkspaceService workspaces;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private static RequestPostProcessor root() {
    return user(ROOT).roles("ADMIN", "USER");
  }

  @Test
  void theUsersPageListsUsersWithRoleStateAndQuotaOverrides() throws Exception {
    when(identity.listUsers())
        .thenReturn(
            List.of(
                IdentityFixtures.account("bob", Role.USER, false, 3, 12),
                IdentityFixtures.account(ROOT, Role.ADMIN, true, null, null)));

    String html =
        mvc.perform(get("/admin/users").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("bob User disabled", "root Admin enabled");
    assertThat(html)
        .containsPattern("name=\"maxWorkspaces\"[^>]*value=\"3\"")
        .containsPattern("name=\"maxWorkers\"[^>]*value=\"12\"");
    assertThat(html)
        .containsPattern(
            "action=\"/admin/users/bob/enabled\"[\\s\\S]*?name=\"enabled\" value=\"true\"[\\s\\S]*?Enable");
  }

  @Test
  void creatingAUserRedirectsWithAFlashMessage() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/users")
                    .param("username", "newbie")
                    .param("password", "long-enough")
                    .param("role", "USER")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
    assertThat(Html.flash(result)).containsEntry("flash", "Created user 'newbie'.");
    verify(identity).createUser(new NewUser("newbie", "long-enough", Role.USER), ROOT);
  }

  @Test
  void anInvalidUserReRendersTheFormWithFieldErrorsAndWithoutThePassword() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/admin/users")
                    .param("username", "Bad Name")
                    .param("password", "short7!")
                    .param("role", "USER")
                    .with(root())
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    String html = response.getContentAsString();
    assertThat(Html.text(html))
        .contains("must be 3-64 characters of lowercase letters, digits,")
        .contains("must be 8 to 72 characters");
    assertThat(html).contains("value=\"Bad Name\"").doesNotContain("short7!");
    verify(identity, never()).createUser(any(), any());
  }

  @Test
  void theUsernameRuleReadsTheSameOnThePage() throws Exception {
    String html =
        mvc.perform(
                post("/admin/users")
                    .param("username", "Bad Name")
                    .param("password", "long-enough")
                    .param("role", "USER")
                    .with(root())
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // The message goes through MessageFormat on the page, which would eat single quotes: it names
    // the characters in words instead.
    assertThat(Html.text(html))
        .contains("digits, dots, underscores or hyphens, starting with a letter");
  }

  @Test
  void aTakenUsernameShowsUnderTheUsernameField() throws Exception {
    when(identity.createUser(any(), anyString())).thenThrow(new UsernameTakenException("bob"));

    String html =
        mvc.perform(
                post("/admin/users")
                    .param("username", "bob")
                    .param("password", "long-enough")
                    .param("role", "USER")
                    .with(root())
                    .with(csrf()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("A user named &#39;bob&#39; already exists.");
  }

  @Test
  void anAdminCannotDisableTheirOwnAccount() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/users/" + ROOT + "/enabled")
                    .param("enabled", "false")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(Html.flash(result))
        .containsEntry("flashError", "You cannot disable your own account.");
    verify(identity, never()).setEnabled(anyString(), eq(false), anyString());
  }

  @Test
  void disablingAnotherUserIsConfirmed() throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/users/bob/enabled")
                    .param("enabled", "false")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(Html.flash(result)).containsEntry("flash", "Disabled 'bob'.");
    verify(identity).setEnabled("bob", false, ROOT);
  }

  @Test
  void aQuotaTheServiceRefusesIsShownAsItsMessage() throws Exception {
    when(identity.setQuota("bob", -1, 4, ROOT))
        .thenThrow(
            new InvalidUserRequestException(
                "maxWorkspaces", "must be a whole number from 0 to 1000000"));

    MvcResult result =
        mvc.perform(
                post("/admin/users/bob/quota")
                    .param("maxWorkspaces", "-1")
                    .param("maxWorkers", "4")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(Html.flash(result))
        .containsEntry("flashError", "maxWorkspaces: must be a whole number from 0 to 1000000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999", "lots", "1.5"})
  void aQuotaThatIsNoWholeNumberSaysWhichFieldAndWhy(String typed) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/admin/users/bob/quota")
                    .param("maxWorkspaces", "2")
                    .param("maxWorkers", typed)
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users");
    assertThat(Html.flash(result))
        .containsEntry("flashError", "Max workers must be a whole number.");
    verify(identity, never()).setQuota(any(), any(), any(), any());
  }

  @Test
  void emptyQuotaFieldsClearTheOverrides() throws Exception {
    mvc.perform(
            post("/admin/users/bob/quota")
                .param("maxWorkspaces", "")
                .param("maxWorkers", "")
                .with(root())
                .with(csrf()))
        .andReturn();

    verify(identity).setQuota("bob", null, null, ROOT);
  }

  @Test
  void changingAnUnknownUserShowsANotFoundPage() throws Exception {
    when(identity.setEnabled("ghost", true, ROOT)).thenThrow(new NotFoundException("User 'ghost'"));

    MockHttpServletResponse response =
        mvc.perform(
                post("/admin/users/ghost/enabled")
                    .param("enabled", "true")
                    .with(root())
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
  }

  @Test
  void aNewTokenIsShownOnceAfterCreationAndNotOnReload() throws Exception {
    UUID id = UUID.randomUUID();
    when(tokens.create(ALICE, "laptop", null))
        .thenReturn(new NewApiToken(id, "laptop", SECRET, SECRET.substring(0, 10), null));
    when(tokens.list(ALICE))
        .thenReturn(
            List.of(
                new ApiTokenView(
                    id,
                    "laptop",
                    SECRET.substring(0, 10),
                    Instant.parse("2026-01-01T00:00:00Z"),
                    null,
                    null,
                    null)));

    MvcResult created =
        mvc.perform(
                post("/tokens")
                    .param("name", "  laptop ")
                    .param("expires", "")
                    .with(alice())
                    .with(csrf()))
            .andReturn();
    assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/tokens");

    String firstView =
        mvc.perform(get("/tokens").with(alice()).flashAttrs(created.getFlashMap()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String reload =
        mvc.perform(get("/tokens").with(alice())).andReturn().getResponse().getContentAsString();

    assertThat(firstView).contains(SECRET, "Copy it now: it will not be shown again.");
    assertThat(reload).doesNotContain(SECRET).doesNotContain("id=\"new-token\"");
    assertThat(Html.text(reload)).contains("laptop", SECRET.substring(0, 10) + "…", "Revoke");
    assertThat(reload).doesNotContain("inactive-tokens");
  }

  @Test
  void aTokenWithAnExpiryDateExpiresAtTheStartOfThatDayUtc() throws Exception {
    when(tokens.create(any(), any(), any()))
        .thenReturn(new NewApiToken(UUID.randomUUID(), "ci", SECRET, "wsp_ssssss", null));

    mvc.perform(
            post("/tokens")
                .param("name", "ci")
                .param("expires", "2031-02-03")
                .with(alice())
                .with(csrf()))
        .andReturn();

    verify(tokens).create(ALICE, "ci", Instant.parse("2031-02-03T00:00:00Z"));
  }

  @Test
  void aTokenNeedsAName() throws Exception {
    MvcResult result =
        mvc.perform(post("/tokens").param("name", "   ").with(alice()).with(csrf())).andReturn();

    assertThat(Html.flash(result))
        .containsEntry("flashError", "Give the token a name of 1 to 100 characters.");
    verify(tokens, never()).create(any(), any(), any());
  }

  @Test
  void expiredAndRevokedTokensAreLabelledSo() throws Exception {
    Instant past = Instant.parse("2020-01-01T00:00:00Z");
    when(tokens.list(ALICE))
        .thenReturn(
            List.of(
                new ApiTokenView(
                    UUID.randomUUID(), "old", "wsp_aaaaaa", past, past.plusSeconds(60), null, null),
                new ApiTokenView(
                    UUID.randomUUID(),
                    "gone",
                    "wsp_bbbbbb",
                    past,
                    null,
                    past.plusSeconds(5),
                    null)));

    String html =
        mvc.perform(get("/tokens").with(alice())).andReturn().getResponse().getContentAsString();

    assertThat(Html.text(html))
        .contains("Revoked and expired (2)")
        .contains("old wsp_aaaaaa…", "expired", "gone wsp_bbbbbb…", "revoked")
        .contains("No token in use.");
    assertThat(html).containsPattern("<details id=\"inactive-tokens\" class=\"mt-2\">");
    assertThat(Html.postForms(html))
        .as("nothing to revoke: only the create form and signing out")
        .isEqualTo(2);
  }

  @Test
  void revokingSomeoneElsesTokenShowsANotFoundPage() throws Exception {
    UUID id = UUID.randomUUID();
    Mockito.doThrow(new NotFoundException("Token")).when(tokens).revoke(ALICE, id);

    MockHttpServletResponse response =
        mvc.perform(post("/tokens/" + id + "/revoke").with(alice()).with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
  }

  @Test
  void theQuotaOverridesShowTheDefaultsTheyReplace() throws Exception {
    when(identity.listUsers())
        .thenReturn(List.of(IdentityFixtures.account("bob", Role.USER, true, null, 12)));
    when(workspaces.defaultLimits()).thenReturn(new QuotaLimits(5, 16));

    String html =
        mvc.perform(get("/admin/users").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Everyone may have 5 live workspaces and 16 workers in all, unless overridden");
    assertThat(html)
        .containsPattern("name=\"maxWorkspaces\"[^>]*placeholder=\"default 5\"")
        .containsPattern("name=\"maxWorkers\"[^>]*value=\"12\"[^>]*placeholder=\"default 16\"")
        .contains("<label class=\"form-label small mb-0\" for=\"ws-bob\">Workspaces</label>");
  }

  @Test
  void disablingAUserAsksFirstAndSaysWhatItDoes() throws Exception {
    when(identity.listUsers())
        .thenReturn(List.of(IdentityFixtures.account("bob", Role.USER, true, null, null)));

    String html =
        mvc.perform(get("/admin/users").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("data-confirm=\"Disable bob? They can no longer sign in or use their API tokens");
  }

  @Test
  void theTokensPageLabelsItsFieldsOffersPresetsAndLinksTheApiDocumentation() throws Exception {
    when(tokens.list(ALICE)).thenReturn(List.of());

    String html =
        mvc.perform(get("/tokens").with(alice())).andReturn().getResponse().getContentAsString();

    assertThat(Html.text(html))
        .contains("Name", "Expires on (UTC, optional)", "30 days", "1 year", "Never")
        .contains("API documentation");
    assertThat(html)
        .contains("<label class=\"form-label small mb-1\" for=\"token-expires\">")
        .contains("data-expiry-for=\"token-expires\" data-expiry-days=\"90\"")
        .contains("href=\"/swagger-ui.html\"");
  }

  @Test
  void aNewTokenHasACopyButtonAndAnExample() throws Exception {
    UUID id = UUID.randomUUID();
    when(tokens.list(ALICE)).thenReturn(List.of());

    String html =
        mvc.perform(
                get("/tokens")
                    .with(alice())
                    .flashAttr(
                        "newToken",
                        new NewApiToken(id, "laptop", SECRET, SECRET.substring(0, 10), null)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .contains("data-copy=\"new-token-value\"")
        .contains(
            "curl -H &quot;Authorization: Bearer "
                + SECRET
                + "&quot; http://localhost/api/v1/workspaces");
  }

  @Test
  void revokingATokenAsksFirst() throws Exception {
    when(tokens.list(ALICE))
        .thenReturn(
            List.of(
                new ApiTokenView(
                    UUID.randomUUID(),
                    "laptop",
                    "wsp_abcdef",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    null,
                    null,
                    null)));

    String html =
        mvc.perform(get("/tokens").with(alice())).andReturn().getResponse().getContentAsString();

    assertThat(html)
        .contains("data-confirm=\"Revoke laptop? Scripts that use it stop working at once.\"");
  }
}
