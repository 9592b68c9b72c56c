package org.workspaceportal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.InvalidUserRequestException;
import org.workspaceportal.identity.NewPassword;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.Role;
import org.workspaceportal.identity.UserAccount;

/**
 * Issue 23, item 8: "Change password" in everyone's user menu, and an admin's "Make admin" / "Make
 * user" and "Reset password…" on the Users page; bad input is a 400 or a message, never a 500.
 */
@PageSliceTest
class AccountPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final String ROOT = RealSecurityTestConfiguration.ADMIN;

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private static RequestPostProcessor root() {
    return user(ROOT).roles("ADMIN", "USER");
  }

  private MockHttpServletResponse perform(RequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }

  private MockHttpServletResponse changePassword(String current, String password, String repeat)
      throws Exception {
    return perform(
        post("/account/password")
            .with(alice())
            .with(csrf())
            .param("currentPassword", current)
            .param("password", password)
            .param("repeat", repeat));
  }

  @Test
  void everyonesUserMenuOffersChangePassword() throws Exception {
    String html = perform(get("/account/password").with(alice())).getContentAsString();

    assertThat(html).contains("id=\"nav-password\" href=\"/account/password\">Change password</a>");
    assertThat(Html.text(html))
        .contains(
            "Change password Your other signed-in browsers are signed out at their next page");
  }

  @Test
  void aChangedPasswordRedirectsWithAFlash() throws Exception {
    MockHttpServletResponse r =
        changePassword("old-password-1", "new-password-1", "new-password-1");

    assertThat(r.getRedirectedUrl()).isEqualTo("/workspaces");
    verify(identity)
        .changeOwnPassword(
            ALICE, "old-password-1", new NewPassword("new-password-1", "new-password-1"));
  }

  @Test
  void badNewPasswordsAreA400UnderTheirFieldAndChangeNothing() throws Exception {
    MockHttpServletResponse differ =
        changePassword("old-password-1", "new-password-1", "new-password-2");
    MockHttpServletResponse tooShort = changePassword("old-password-1", "short", "short");

    assertThat(differ.getStatus()).isEqualTo(400);
    assertThat(differ.getContentAsString())
        .contains("id=\"repeatedTheSame-error\"", "the two passwords differ");
    assertThat(tooShort.getStatus()).isEqualTo(400);
    assertThat(tooShort.getContentAsString()).contains("must be 8 to 72 characters");
    verify(identity, never()).changeOwnPassword(anyString(), anyString(), any());
  }

  @Test
  void aWrongCurrentPasswordIsSaidUnderItsField() throws Exception {
    doThrow(new InvalidUserRequestException("currentPassword", "is not your current password"))
        .when(identity)
        .changeOwnPassword(eq(ALICE), eq("wrong-one-1"), any());

    MockHttpServletResponse r = changePassword("wrong-one-1", "new-password-1", "new-password-1");

    assertThat(r.getStatus()).isEqualTo(400);
    assertThat(r.getContentAsString())
        .contains("id=\"currentPassword-error\">is not your current password</div>");
  }

  @Test
  void theUsersPageOffersRoleChangeAndResetForOthersOnly() throws Exception {
    when(identity.listUsers())
        .thenReturn(
            List.of(
                new UserAccount(
                    UUID.randomUUID(), ALICE, Role.USER, true, null, null, Instant.now()),
                new UserAccount(
                    UUID.randomUUID(), ROOT, Role.ADMIN, true, null, null, Instant.now())));

    String html = perform(get("/admin/users").with(root())).getContentAsString();

    assertThat(html.split("class=\"reset-password", -1)).hasSize(2);
    assertThat(html.split("role-change\"", -1)).hasSize(2);
    assertThat(html).contains("action=\"/admin/users/" + ALICE + "/role\"");
    assertThat(html).doesNotContain("action=\"/admin/users/" + ROOT + "/role\"");
    assertThat(Html.text(html)).contains("Make admin").contains("Reset password…");
  }

  @Test
  void anAdminChangesARoleOrResetsAPasswordAndBadInputIsAMessage() throws Exception {
    when(identity.setRole(ALICE, Role.ADMIN, ROOT))
        .thenReturn(
            new UserAccount(UUID.randomUUID(), ALICE, Role.ADMIN, true, null, null, Instant.now()));
    when(identity.setRole(ALICE, null, ROOT))
        .thenThrow(new InvalidUserRequestException("role", "choose USER or ADMIN"));

    var made =
        perform(
            post("/admin/users/" + ALICE + "/role")
                .with(root())
                .with(csrf())
                .param("role", "ADMIN"));
    var bogus =
        mvc.perform(
                post("/admin/users/" + ALICE + "/role")
                    .with(root())
                    .with(csrf())
                    .param("role", "GOD"))
            .andReturn();
    var reset =
        mvc.perform(
                post("/admin/users/" + ALICE + "/password")
                    .with(root())
                    .with(csrf())
                    .param("password", "a-new-one-77")
                    .param("repeat", "a-new-one-77"))
            .andReturn();
    var mismatch =
        mvc.perform(
                post("/admin/users/" + ALICE + "/password")
                    .with(root())
                    .with(csrf())
                    .param("password", "a-new-one-77")
                    .param("repeat", "another-one"))
            .andReturn();

    assertThat(made.getRedirectedUrl()).isEqualTo("/admin/users");
    assertThat(bogus.getFlashMap().get("flashError")).isEqualTo("role: choose USER or ADMIN");
    verify(identity).resetPassword(ALICE, new NewPassword("a-new-one-77", "a-new-one-77"), ROOT);
    assertThat((String) reset.getFlashMap().get("flash"))
        .startsWith("Set a new password for 'alice'");
    assertThat((String) mismatch.getFlashMap().get("flashError"))
        .isEqualTo("The new password for 'alice' was not set: the two passwords differ.");
  }

  @Test
  void aUserMayNotChangeRolesOrPasswordsOfOthers() throws Exception {
    assertThat(
            perform(
                    post("/admin/users/" + ROOT + "/role")
                        .with(alice())
                        .with(csrf())
                        .param("role", "USER"))
                .getStatus())
        .isEqualTo(403);
    assertThat(
            perform(
                    post("/admin/users/" + ROOT + "/password")
                        .with(alice())
                        .with(csrf())
                        .param("password", "a-new-one-77")
                        .param("repeat", "a-new-one-77"))
                .getStatus())
        .isEqualTo(403);
  }
}
