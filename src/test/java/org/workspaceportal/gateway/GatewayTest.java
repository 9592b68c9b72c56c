package org.workspaceportal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.PortalIntegrationTest;
import org.workspaceportal.audit.AuditService;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.NewUser;
import org.workspaceportal.identity.Role;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/**
 * The gateway's doors without a cluster behind them (the browser test opens a running one): who the
 * portal hands a ticket, what a ticket and a cookie open, and what everyone else gets.
 */
@PortalIntegrationTest
class GatewayTest {

  @Autowired WorkspaceService workspaces;
  @Autowired IdentityService identity;
  @Autowired GatewayAccess access;
  @Autowired WorkspaceOrigins origins;
  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditService audit;

  private final OkHttpClient http = new OkHttpClient.Builder().followRedirects(false).build();

  private CurrentUser newUser() {
    String name = "gw-" + WorkspaceFixtures.uniqueName();
    identity.createUser(new NewUser(name, "password-123", Role.USER), "test");
    return new CurrentUser(name, false);
  }

  private WorkspaceView requested(CurrentUser owner) {
    return workspaces.request(WorkspaceFixtures.request(WorkspaceFixtures.uniqueName(), 1), owner);
  }

  /** A request to the gateway as a browser would send it to the workspace's origin. */
  private Response call(String shortId, String method, String path, String cookie, String origin)
      throws IOException {
    Request.Builder request =
        new Request.Builder()
            .url("http://127.0.0.1:" + origins.boundPort() + path)
            .header("Host", "ws-" + shortId + ".localhost:" + origins.boundPort());
    if (cookie != null) {
      request.header("Cookie", "workspace_session=" + cookie);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    request.method(method, method.equals("GET") ? null : RequestBody.create(new byte[0]));
    return http.newCall(request.build()).execute();
  }

  /** The origin's ticket page, with the state cookie a browser holds. */
  private Response enter(String shortId, String pathAndQuery, String state) throws IOException {
    Request request =
        new Request.Builder()
            .url("http://127.0.0.1:" + origins.boundPort() + pathAndQuery)
            .header("Host", "ws-" + shortId + ".localhost:" + origins.boundPort())
            .header("Cookie", "workspace_state=" + state)
            .build();
    return http.newCall(request).execute();
  }

  @Test
  void theOwnerGetsATicketOthersAPageThatSaysWhy() throws Exception {
    CurrentUser owner = newUser();
    CurrentUser stranger = newUser();
    WorkspaceView ws = requested(owner);
    String shortId = WorkspaceDoors.shortId(ws.id());

    mvc.perform(get("/workspaces/open/" + shortId))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/login"));
    mvc.perform(get("/workspaces/open/" + shortId).with(user(stranger.username())))
        .andExpect(status().isNotFound())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("No such workspace")));
    mvc.perform(
            get("/workspaces/open/" + shortId)
                .with(user(PortalIntegrationTest.ADMIN_USERNAME).roles("ADMIN")))
        .andExpect(status().isForbidden())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.containsString("This notebook is " + owner.username())));
    mvc.perform(get("/workspaces/open/" + shortId).with(user(owner.username())))
        .andExpect(status().isConflict())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("is not running")));
    mvc.perform(get("/workspaces/open/zzzz").with(user(owner.username())))
        .andExpect(status().isNotFound());
  }

  @Test
  void aTicketOpensItsOwnWorkspaceOnceAndTheCookieEndsWithThePortalSession() throws Exception {
    CurrentUser owner = newUser();
    WorkspaceView ws = requested(owner);
    WorkspaceView other = requested(owner);
    String shortId = WorkspaceDoors.shortId(ws.id());
    String origin = origins.origin(shortId);

    String state = "browser-state-" + WorkspaceFixtures.uniqueName();
    String stateHash = WorkspaceForwarding.stateHash(state);
    String elsewhere = access.issueTicket(ws.id(), owner.username(), "portal-session-1", stateHash);
    try (Response wrongDoor =
        enter(WorkspaceDoors.shortId(other.id()), "/_portal/enter?ticket=" + elsewhere, state)) {
      assertThat(wrongDoor.code()).as("a ticket opens only the workspace it names").isEqualTo(403);
    }
    String fixed = access.issueTicket(ws.id(), owner.username(), "portal-session-1", stateHash);
    try (Response victim =
        enter(shortId, "/_portal/enter?ticket=" + fixed, "another-browsers-state")) {
      assertThat(victim.code())
          .as("a ticket opens its workspace only in the browser that asked for it (login CSRF)")
          .isEqualTo(403);
      assertThat(victim.header("Set-Cookie")).isNull();
    }

    String ticket = access.issueTicket(ws.id(), owner.username(), "portal-session-1", stateHash);
    String cookie;
    try (Response entered =
        enter(shortId, "/_portal/enter?ticket=" + ticket + "&next=//evil.example/x", state)) {
      assertThat(entered.code()).isEqualTo(302);
      assertThat(entered.header("Location")).as("never another site").isEqualTo("/tree");
      String setCookie =
          entered.headers("Set-Cookie").stream()
              .filter(c -> c.startsWith("workspace_session="))
              .findFirst()
              .orElseThrow();
      assertThat(setCookie).startsWith("workspace_session=").doesNotContainIgnoringCase("Domain=");
      assertThat(setCookie.toLowerCase(java.util.Locale.ROOT))
          .contains("path=/", "httponly", "samesite=lax");
      cookie = setCookie.substring("workspace_session=".length(), setCookie.indexOf(';'));
    }
    try (Response again = enter(shortId, "/_portal/enter?ticket=" + ticket, state)) {
      assertThat(again.code()).as("a ticket works once").isEqualTo(403);
      assertThat(again.body().string()).contains("This link was used or has expired");
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from audit_events where action = 'workspace.opened' and target = ?",
                Long.class,
                owner.username() + "/" + ws.name()))
        .as("the open is audited")
        .isEqualTo(1L);

    // the cookie is good on its own origin (the workspace is not running: 503, not 401) ...
    try (Response post = call(shortId, "POST", "/api/contents", cookie, origin)) {
      assertThat(post.code()).isEqualTo(503);
    }
    // ... from its own pages only ...
    try (Response post =
        call(shortId, "POST", "/api/contents", cookie, "http://ws-000000000000.localhost")) {
      assertThat(post.code()).isEqualTo(403);
    }
    try (Response post = call(shortId, "POST", "/api/contents", cookie, null)) {
      assertThat(post.code()).isEqualTo(403);
    }
    // ... and on no other workspace's
    try (Response elsewhereCall =
        call(WorkspaceDoors.shortId(other.id()), "POST", "/api/contents", cookie, origin)) {
      assertThat(elsewhereCall.code()).isEqualTo(401);
    }

    // a disabled user's cookie opens nothing, at once
    identity.setEnabled(owner.username(), false, "test");
    try (Response post = call(shortId, "POST", "/api/contents", cookie, origin)) {
      assertThat(post.code()).isEqualTo(401);
    }
    identity.setEnabled(owner.username(), true, "test");
    try (Response post = call(shortId, "POST", "/api/contents", cookie, origin)) {
      assertThat(post.code()).isEqualTo(503);
    }

    // signing out of the portal ends it
    access.portalSessionEnded("portal-session-1");
    try (Response post = call(shortId, "POST", "/api/contents", cookie, origin)) {
      assertThat(post.code()).isEqualTo(401);
    }
  }

  @Test
  void withoutACookieAPageGoesToThePortalAndAnythingElseIsRefused() throws Exception {
    CurrentUser owner = newUser();
    String shortId = WorkspaceDoors.shortId(requested(owner).id());

    try (Response page = call(shortId, "GET", "/notebooks/a%20b.ipynb?x=1", null, null)) {
      assertThat(page.code()).isEqualTo(302);
      assertThat(page.header("Location"))
          .startsWith(
              origins.portalUrl()
                  + "/workspaces/open/"
                  + shortId
                  + "?next=%2Fnotebooks%2Fa%2520b.ipynb%3Fx%3D1&state=");
      String state = page.header("Set-Cookie");
      assertThat(state).startsWith("workspace_state=").containsIgnoringCase("HttpOnly");
      assertThat(page.header("Location"))
          .endsWith(
              "&state="
                  + WorkspaceForwarding.stateHash(
                      state.substring("workspace_state=".length(), state.indexOf(';'))));
    }
    try (Response api = call(shortId, "POST", "/api/kernels", "forged", null)) {
      assertThat(api.code()).isEqualTo(401);
    }
    try (Response unknown = call("000000000000", "GET", "/tree", null, null)) {
      assertThat(unknown.code()).as("no such workspace: still the portal's sign-in").isEqualTo(302);
    }
    Request notAWorkspace =
        new Request.Builder()
            .url("http://127.0.0.1:" + origins.boundPort() + "/tree")
            .header("Host", "portal.localhost")
            .build();
    try (Response response = http.newCall(notAWorkspace).execute()) {
      assertThat(response.code()).isEqualTo(404);
    }
  }

  @Test
  void onlyPathsOfTheWorkspacesOwnOriginAreFollowedAfterTheSignIn() {
    assertThat(WorkspaceOrigins.safeNext("/notebooks/x.ipynb")).isEqualTo("/notebooks/x.ipynb");
    assertThat(WorkspaceOrigins.safeNext("//evil.example")).isEqualTo("/tree");
    assertThat(WorkspaceOrigins.safeNext("/\\evil.example")).isEqualTo("/tree");
    assertThat(WorkspaceOrigins.safeNext("https://evil.example")).isEqualTo("/tree");
    assertThat(WorkspaceOrigins.safeNext("/a\r\nSet-Cookie: x")).isEqualTo("/tree");
    assertThat(WorkspaceOrigins.safeNext(null)).isEqualTo("/tree");
    assertThat(origins.shortIdOf("WS-0123456789AB.localhost:8081")).contains("0123456789ab");
    assertThat(origins.shortIdOf("ws-0123456789ab.localhost.evil.example")).isEmpty();
    assertThat(origins.shortIdOf("ws-0123456789ab.evil.example")).isEmpty();
    assertThat(
            WorkspaceForwarding.jupytersCookies(
                java.util.List.of(
                    "_xsrf=2|abc; workspace_session=s; __Host-workspace_session=t; sso=secret")))
        .isEqualTo("_xsrf=2|abc");
  }
}
