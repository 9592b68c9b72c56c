package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.IdentityFixtures.Account;

/**
 * Signing in on the login page against the real users table (bcrypt), and what a failure leaves in
 * the audit trail.
 */
@PortalIntegrationTest
class FormLoginTest {

  @Autowired MockMvc mvc;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;

  private MockHttpServletResponse signIn(String username, String password) throws Exception {
    return mvc.perform(
            post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(
                    r -> {
                      r.setRemoteAddr("192.0.2.44");
                      return r;
                    }))
        .andReturn()
        .getResponse();
  }

  @Test
  void theBootstrapAdminCanSignInWithTheConfiguredPassword() throws Exception {
    IdentityFixtures.ensureBootstrapAdmin(identity);

    MockHttpServletResponse response =
        signIn(PortalIntegrationTest.ADMIN_USERNAME, PortalIntegrationTest.ADMIN_PASSWORD);

    assertThat(response.getRedirectedUrl()).isEqualTo("/");
    assertThat(identity.findUser(PortalIntegrationTest.ADMIN_USERNAME))
        .get()
        .extracting(UserAccount::role)
        .isEqualTo(Role.ADMIN);
  }

  @Test
  void aUserSignsInWithTheirPassword() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "form");

    assertThat(signIn(user.username(), user.password()).getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void aWrongPasswordIsRefusedAndAuditedWithTheAddress() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "form-bad");

    MockHttpServletResponse response = signIn(user.username(), "wrong-password");

    assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
    assertThat(audit.page(0, 200, "login.failed").getContent())
        .filteredOn(e -> user.username().equals(e.target()))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.actor()).isEqualTo(user.username());
              assertThat(e.detail()).isEqualTo("BadCredentialsException");
              assertThat(e.remoteAddress()).isEqualTo("192.0.2.44");
            });
  }

  @Test
  void aDisabledUserCannotSignIn() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "form-off");
    identity.setEnabled(user.username(), false, "test");

    assertThat(signIn(user.username(), user.password()).getRedirectedUrl())
        .isEqualTo("/login?error");
  }

  @Test
  void aSignedInBrowserCanCreateATokenWithItsSessionButOnlyWithCsrf() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "session");
    MockHttpSession session = sessionOf(user);
    String body = "{\"name\":\"from-the-browser\"}";

    mvc.perform(
            post("/api/v1/tokens")
                .session(session)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://workspace-portal.dev/problems/csrf"))
        .andExpect(jsonPath("$.detail").value(containsString("CSRF")))
        .andExpect(jsonPath("$.detail").value(not(containsString("ADMIN"))));
    mvc.perform(
            post("/api/v1/tokens")
                .session(session)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.token").isString());
    mvc.perform(get("/api/v1/tokens").session(session)).andExpect(status().isOk());
    // the session reaches the token endpoints only: the rest of the API stays bearer-only
    mvc.perform(get("/api/v1/workspaces").session(session)).andExpect(status().isUnauthorized());
  }

  @Test
  void disablingAUserEndsTheirBrowserSessionAtOnce() throws Exception {
    Account user = IdentityFixtures.newAccount(identity, tokens, Role.USER, "disabled");
    MockHttpSession session = sessionOf(user);
    mvc.perform(get("/workspaces").session(session)).andExpect(status().isOk());

    identity.setEnabled(user.username(), false, "test-admin");

    mvc.perform(get("/workspaces").session(session))
        .andExpect(status().is3xxRedirection())
        .andExpect(
            result ->
                assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login?disabled"));
    assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void anAnonymousVisitorKeepsTheirSessionSoTheLoginFormWorks() throws Exception {
    MockHttpSession session =
        (MockHttpSession) mvc.perform(get("/login")).andReturn().getRequest().getSession(true);
    mvc.perform(get("/login").session(session)).andExpect(status().isOk());
    assertThat(session.isInvalid()).isFalse();
  }

  /** Signs in on the login page and returns the browser session it leaves. */
  private MockHttpSession sessionOf(Account user) throws Exception {
    return (MockHttpSession)
        mvc.perform(
                post("/login")
                    .param("username", user.username())
                    .param("password", user.password())
                    .with(csrf()))
            .andReturn()
            .getRequest()
            .getSession(false);
  }
}
