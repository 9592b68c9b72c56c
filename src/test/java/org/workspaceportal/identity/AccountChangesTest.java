package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.IdentityFixtures.Account;

/**
 * Issue 23, item 8: a user changes her own password, an admin sets a new one for a user who lost
 * hers or changes a role; the other browser sessions of that user end, and the audit trail has each
 * change and each sign-in.
 */
@PortalIntegrationTest
class AccountChangesTest {

  private static final String NEW_PASSWORD = "a-new-password-42";

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;

  private MockHttpSession signIn(String username, String password) throws Exception {
    MvcResult r =
        mvc.perform(
                post("/login")
                    .param("username", username)
                    .param("password", password)
                    .with(csrf())
                    .with(
                        req -> {
                          req.setRemoteAddr("192.0.2.61");
                          return req;
                        }))
            .andReturn();
    assertThat(r.getResponse().getRedirectedUrl()).as("signed in").isEqualTo("/");
    return (MockHttpSession) r.getRequest().getSession(false);
  }

  private MockHttpServletResponse page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn().getResponse();
  }

  private List<AuditEntry> audited(String action, String target) {
    return audit.page(0, 200, action).getContent().stream()
        .filter(e -> target.equals(e.target()))
        .toList();
  }

  @Test
  void aUserChangesHerPasswordAndHerOtherBrowsersAreSignedOut() throws Exception {
    Account alice = IdentityFixtures.newAccount(identity, tokens, Role.USER, "pw");
    MockHttpSession laptop = signIn(alice.username(), alice.password());
    MockHttpSession phone = signIn(alice.username(), alice.password());
    assertThat(page(phone, "/workspaces").getStatus()).isEqualTo(200);

    MockHttpServletResponse wrong =
        mvc.perform(
                post("/account/password")
                    .session(laptop)
                    .with(csrf())
                    .param("currentPassword", "not-it-at-all")
                    .param("password", NEW_PASSWORD)
                    .param("repeat", NEW_PASSWORD))
            .andReturn()
            .getResponse();
    MockHttpServletResponse changed =
        mvc.perform(
                post("/account/password")
                    .session(laptop)
                    .with(csrf())
                    .param("currentPassword", alice.password())
                    .param("password", NEW_PASSWORD)
                    .param("repeat", NEW_PASSWORD))
            .andReturn()
            .getResponse();

    assertThat(wrong.getStatus()).isEqualTo(400);
    assertThat(wrong.getContentAsString()).contains("is not your current password");
    assertThat(changed.getRedirectedUrl()).isEqualTo("/workspaces");
    assertThat(page(laptop, "/workspaces").getStatus()).as("this browser stays").isEqualTo(200);
    assertThat(page(phone, "/workspaces").getRedirectedUrl()).isEqualTo("/login?changed");
    signIn(alice.username(), NEW_PASSWORD);
    assertThat(audited("user.password-changed", alice.username()))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo(alice.username()));
    assertThat(audited("login.succeeded", alice.username()))
        .isNotEmpty()
        .anySatisfy(
            e -> {
              assertThat(e.remoteAddress()).isEqualTo("192.0.2.61");
              assertThat(e.detail()).isEqualTo("with password");
            });
  }

  @Test
  void anAdminSetsANewPasswordAndTheUsersSessionsEnd() throws Exception {
    Account bob = IdentityFixtures.newAccount(identity, tokens, Role.USER, "reset");
    MockHttpSession session = signIn(bob.username(), bob.password());

    identity.resetPassword(bob.username(), new NewPassword(NEW_PASSWORD, NEW_PASSWORD), "root");

    assertThat(page(session, "/workspaces").getRedirectedUrl()).isEqualTo("/login?changed");
    signIn(bob.username(), NEW_PASSWORD);
    assertThat(audited("user.password-reset", bob.username()))
        .singleElement()
        .satisfies(e -> assertThat(e.actor()).isEqualTo("root"));
  }

  @Test
  void anAdminMakesAUserAnAdminAndTheUserSignsInAgainAsOne() throws Exception {
    Account carol = IdentityFixtures.newAccount(identity, tokens, Role.USER, "role");
    MockHttpSession session = signIn(carol.username(), carol.password());
    assertThat(page(session, "/admin/users").getStatus()).isEqualTo(403);

    identity.setRole(carol.username(), Role.ADMIN, "root");

    assertThat(page(session, "/workspaces").getRedirectedUrl()).isEqualTo("/login?changed");
    MockHttpSession again = signIn(carol.username(), carol.password());
    assertThat(page(again, "/admin/users").getStatus()).isEqualTo(200);
    assertThat(audited("user.role-changed", carol.username()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo("root");
              assertThat(e.detail()).isEqualTo("USER → ADMIN");
              assertThat(e.targetPath()).isEqualTo("/admin/users#user-" + carol.username());
            });
  }

  @Test
  void anAdminCannotChangeTheirOwnRoleAndAMissingRoleIsABadRequest() {
    Account admin = IdentityFixtures.newAccount(identity, tokens, Role.ADMIN, "self");

    assertThatThrownBy(() -> identity.setRole(admin.username(), Role.USER, admin.username()))
        .isInstanceOf(InvalidUserRequestException.class)
        .hasMessageContaining("you cannot change your own role");
    assertThatThrownBy(() -> identity.setRole(admin.username(), null, "root"))
        .isInstanceOf(InvalidUserRequestException.class)
        .hasMessageContaining("choose USER or ADMIN");
    assertThat(identity.findUser(admin.username()).orElseThrow().role()).isEqualTo(Role.ADMIN);
  }

  @Test
  void theSamePasswordAgainIsRefusedInWords() {
    Account dave = IdentityFixtures.newAccount(identity, tokens, Role.USER, "same");

    assertThatThrownBy(
            () ->
                identity.changeOwnPassword(
                    dave.username(),
                    dave.password(),
                    new NewPassword(dave.password(), dave.password())))
        .isInstanceOf(InvalidUserRequestException.class)
        .hasMessageContaining("must differ from the current one");
  }
}
