package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageImpl;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.audit.AuditEntry;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.ApiTokenService;
import org.workspaceportal.identity.IdentityFixtures;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.template.TemplateService;

/** Sign-in, redirects, CSRF and roles on the pages, through the real security chains. */
@PageSliceTest
class PageSecurityTest {

  /** What a browser sends when it navigates. */
  static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;
  @Autowired IdentityService identity;
  @Autowired ApiTokenService tokens;
  @Autowired AuditService audit;

  static RequestPostProcessor asUser() {
    return user(RealSecurityTestConfiguration.USER).roles("USER");
  }

  static RequestPostProcessor asAdmin() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  /** Every form a page posts to, with the parameters it would send. */
  static Stream<String> postForms() {
    return Stream.of(
        "/logout",
        "/workspaces?name=my-ws",
        "/workspaces/" + ID + "/delete",
        "/tokens?name=laptop",
        "/tokens/" + ID + "/revoke",
        "/admin/workspaces/" + ID + "/approve",
        "/admin/workspaces/" + ID + "/reject?reason=no",
        "/admin/workspaces/" + ID + "/retry",
        "/admin/templates?name=t-new&image=img&sparkVersion=4.0.1&defaultWorkers=1&maxWorkers=2&workerCores=1&workerMemoryMb=512",
        "/admin/templates/"
            + ID
            + "?name=t-new&image=img&sparkVersion=4.0.1&defaultWorkers=1&maxWorkers=2&workerCores=1&workerMemoryMb=512",
        "/admin/templates/" + ID + "/enabled?enabled=false",
        "/admin/templates/" + ID + "/default",
        "/admin/users?username=newbie&password=long-enough&role=USER",
        "/admin/users/bob/enabled?enabled=false",
        "/admin/users/bob/quota?maxWorkspaces=1&maxWorkers=2");
  }

  static Stream<String> adminPages() {
    return Stream.of(
        "/admin/approvals",
        "/admin/workspaces",
        "/admin/templates",
        "/admin/templates/new",
        "/admin/templates/" + ID + "/edit",
        "/admin/users",
        "/admin/audit");
  }

  @BeforeEach
  void stubReads() {
    var ws =
        WorkspaceFixtures.view(
            ID, "alpha", "bob", WorkspaceStatus.PENDING_APPROVAL, "Why I need it");
    var quota = new Quota(5, 1, 16, 2);
    when(workspaces.list(any(), any(), any())).thenReturn(List.of(ws));
    when(workspaces.quotaOf(any())).thenReturn(quota);
    when(workspaces.approvalQueue()).thenReturn(List.of(new PendingRequest(ws, quota)));
    when(templates.list())
        .thenReturn(
            List.of(WorkspaceFixtures.defaultTemplate(), WorkspaceFixtures.largeTemplate()));
    when(templates.enabledFor(any())).thenReturn(List.of(WorkspaceFixtures.defaultTemplate()));
    when(templates.get(ID)).thenReturn(WorkspaceFixtures.largeTemplate());
    when(identity.listUsers())
        .thenReturn(
            List.of(
                IdentityFixtures.account("bob", Role.USER, true, 2, null),
                IdentityFixtures.account("root", Role.ADMIN, true, null, null)));
    when(audit.search(any(), anyInt(), anyInt()))
        .thenReturn(
            new PageImpl<>(
                List.of(
                    new AuditEntry(
                        1L,
                        Instant.parse("2026-01-01T10:00:00Z"),
                        "bob",
                        "workspace.requested",
                        "bob/alpha",
                        "id x",
                        "10.1.2.3",
                        null))));
  }

  @Test
  void theLoginPageRendersForAnonymousVisitorsWithACsrfProtectedForm() throws Exception {
    MockHttpServletResponse page = mvc.perform(get("/login")).andReturn().getResponse();

    assertThat(page.getStatus()).isEqualTo(200);
    String html = page.getContentAsString();
    assertThat(Html.text(html)).contains("Sign in", "Username", "Password");
    assertThat(html).contains("action=\"/login\"", "name=\"username\"", "name=\"password\"");
    assertThat(Html.postForms(html)).isEqualTo(1);
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void theLoginPageSaysWhenSigningInFailed() throws Exception {
    String html =
        mvc.perform(get("/login").param("error", ""))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("Wrong username or password, or the account is disabled.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/",
        "/workspaces",
        "/workspaces/new",
        "/workspaces/" + "11111111-2222-3333-4444-555555555555",
        "/tokens",
        "/admin/approvals",
        "/admin/users"
      })
  void anAnonymousPageRequestRedirectsToTheLoginPage(String path) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).accept(BROWSER_ACCEPT)).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).endsWith("/login");
    verifyNoInteractions(workspaces, templates, identity, tokens, audit);
  }

  @Test
  void httpBasicIsNotAcceptedOnPagesAndNothingAsksForIt() throws Exception {
    for (String accept : List.of(BROWSER_ACCEPT, "application/json")) {
      MockHttpServletResponse response =
          mvc.perform(
                  get("/workspaces")
                      .accept(accept)
                      .with(
                          httpBasic(
                              RealSecurityTestConfiguration.USER,
                              RealSecurityTestConfiguration.PASSWORD)))
              .andReturn()
              .getResponse();

      assertThat(response.getStatus()).as(accept).isEqualTo(302);
      assertThat(response.getRedirectedUrl()).endsWith("/login");
      assertThat(response.getHeader("WWW-Authenticate")).isNull();
    }
    verifyNoInteractions(workspaces);
  }

  @Test
  void signingInWithTheRightPasswordLeadsHome() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login")
                    .param("username", RealSecurityTestConfiguration.USER)
                    .param("password", RealSecurityTestConfiguration.PASSWORD)
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo("/");
  }

  @Test
  void homeIsTheFirstRunChecklistForAdminsOfAFreshPortalAndMyWorkspacesForEveryoneElse()
      throws Exception {
    assertThat(
            mvc.perform(get("/").with(asUser()).accept(BROWSER_ACCEPT))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/workspaces");
    assertThat(
            mvc.perform(get("/").with(asAdmin()).accept(BROWSER_ACCEPT))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .as("no host, image, template or user in this slice: a fresh portal")
        .isEqualTo("/admin/first-run");
  }

  @Test
  void aWrongPasswordLeadsBackToTheLoginPageWithAnError() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login")
                    .param("username", RealSecurityTestConfiguration.USER)
                    .param("password", "wrong")
                    .with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
  }

  @Test
  void signingInWithoutACsrfTokenIsRefused() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(
                post("/login")
                    .param("username", RealSecurityTestConfiguration.USER)
                    .param("password", RealSecurityTestConfiguration.PASSWORD))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(403);
  }

  @ParameterizedTest
  @MethodSource("postForms")
  void everyPostFormIsRefusedWithoutACsrfTokenAndDoesNothing(String form) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post(form).with(asAdmin())).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(403);
    verifyNoInteractions(workspaces, templates, identity, tokens, audit);
  }

  @ParameterizedTest
  @MethodSource("postForms")
  void everyPostFormIsRefusedWithAForgedCsrfToken(String form) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post(form).with(asAdmin()).with(csrf().useInvalidToken()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(403);
    verifyNoInteractions(workspaces, templates, identity, tokens, audit);
  }

  @ParameterizedTest
  @MethodSource("adminPages")
  void aUserIsForbiddenOnEveryAdminPage(String page) throws Exception {
    assertThat(mvc.perform(get(page).with(asUser())).andReturn().getResponse().getStatus())
        .isEqualTo(403);
    verifyNoInteractions(workspaces, templates, identity, tokens, audit);
  }

  static Stream<String> adminForms() {
    return postForms().filter(f -> f.startsWith("/admin/"));
  }

  @ParameterizedTest
  @MethodSource("adminForms")
  void aUserIsForbiddenOnEveryAdminFormEvenWithACsrfToken(String form) throws Exception {
    assertThat(
            mvc.perform(post(form).with(asUser()).with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    verifyNoInteractions(workspaces, templates, identity, tokens, audit);
  }

  @ParameterizedTest
  @MethodSource("adminPages")
  void everyAdminPageRendersForAnAdminWithCsrfTokensInItsForms(String page) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(page).with(asAdmin())).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentType()).startsWith("text/html");
    Html.assertEveryPostFormCarriesACsrfToken(response.getContentAsString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/workspaces",
        "/workspaces/new",
        "/workspaces/11111111-2222-3333-4444-555555555555",
        "/workspaces/11111111-2222-3333-4444-555555555555/delete",
        "/tokens"
      })
  void everyUserPageRendersWithCsrfTokensInItsForms(String page) throws Exception {
    when(workspaces.get(any(), any()))
        .thenReturn(
            WorkspaceFixtures.view(ID, "alpha", "alice", WorkspaceStatus.PENDING_APPROVAL, null));
    MockHttpServletResponse response =
        mvc.perform(get(page).with(asUser())).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    String html = response.getContentAsString();
    assertThat(Html.postForms(html)).isPositive();
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void theNavigationShowsAdminLinksOnlyToAdmins() throws Exception {
    String asUser =
        mvc.perform(get("/workspaces").with(asUser()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String asAdmin =
        mvc.perform(get("/workspaces").with(asAdmin()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(asUser).doesNotContain("href=\"/admin/approvals\"");
    assertThat(asAdmin)
        .contains(
            "href=\"/admin/approvals\"",
            "href=\"/admin/users\"",
            "href=\"/admin/audit\"",
            "href=\"/admin/templates\"");
  }

  @Test
  void signingOutNeedsACsrfTokenAndLeadsToTheLoginPage() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post("/logout").accept(BROWSER_ACCEPT).with(asUser()).with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(302);
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?logout");
  }

  @Test
  void pagesSendAStrictContentSecurityPolicy() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/workspaces").with(asUser())).andReturn().getResponse();

    assertThat(response.getHeader("Content-Security-Policy"))
        .contains("script-src 'self'", "frame-ancestors 'none'");
    assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
  }
}
