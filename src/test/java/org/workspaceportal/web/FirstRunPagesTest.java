package org.workspaceportal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.host.HostService;
import org.workspaceportal.host.HostStatus;
import org.workspaceportal.host.HostView;
import org.workspaceportal.host.WorkspaceImages;
import org.workspaceportal.host.WorkspaceImages.ImageOnHost;
import org.workspaceportal.identity.IdentityService;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.identity.Role;
import org.workspaceportal.identity.UserAccount;
import org.workspaceportal.workspace.WorkspaceService;

/**
 * Issue 23, item 8: an admin of a fresh portal lands on a checklist (a host up, the workspace image
 * on it or being built, a template with a cluster, people with accounts), each item saying what to
 * do and where; once all are done, on the approvals as before.
 */
@PageSliceTest
class FirstRunPagesTest {

  @Autowired MockMvc mvc;
  @Autowired HostService hosts;
  @Autowired WorkspaceImages images;
  @Autowired IdentityService identity;
  @Autowired WorkspaceService workspaces;

  private static RequestPostProcessor root() {
    return user(RealSecurityTestConfiguration.ADMIN).roles("ADMIN", "USER");
  }

  private static HostView up(String name) {
    return new HostView(
        UUID.randomUUID(),
        name,
        "unix:///var/run/docker.sock",
        "127.0.0.1",
        List.of(),
        false,
        null,
        null,
        2,
        4096,
        0,
        0,
        0,
        0,
        0,
        20000,
        29999,
        false,
        HostStatus.UP,
        Instant.now(),
        Instant.now(),
        null,
        "28.0",
        "1.48",
        2,
        4L << 30,
        Instant.now(),
        null);
  }

  private String home() throws Exception {
    return mvc.perform(get("/").with(root())).andReturn().getResponse().getRedirectedUrl();
  }

  private String checklist() throws Exception {
    return mvc.perform(get("/admin/first-run").with(root()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** One host up with the image in this state, a cluster template, and one account of this role. */
  private void portalWith(ImageOnHost.State image, String detail, Role account) {
    HostView local = up("local");
    when(hosts.list()).thenReturn(List.of(local));
    when(images.on(any()))
        .thenReturn(
            Map.of(
                local.id(), new ImageOnHost("workspace-portal/spark:4.0", image, detail, false)));
    when(workspaces.offeredClusterTemplates()).thenReturn(List.of("spark-4.0-small"));
    when(identity.listUsers())
        .thenReturn(
            List.of(
                new UserAccount(UUID.randomUUID(), "someone", account, true, null, null, null)));
  }

  @Test
  void aFreshPortalSaysWhatItStillNeedsAndWhereToDoIt() throws Exception {
    portalWith(ImageOnHost.State.BUILDING, "[build-offline 04:00:00] phase jars", Role.ADMIN);

    String html = checklist();
    String text = Html.text(html);

    assertThat(home()).isEqualTo("/admin/first-run");
    assertThat(html)
        .contains("id=\"first-run-host\" data-done=\"true\"")
        .contains("id=\"first-run-image\" data-done=\"false\"")
        .contains("id=\"first-run-template\" data-done=\"true\"")
        .contains("id=\"first-run-users\" data-done=\"false\"");
    assertThat(text)
        .contains("A Docker host takes workspaces done 1 host is up")
        .contains(
            "The workspace image is on a host to do being built: [build-offline 04:00:00] phase"
                + " jars Wait for the build")
        .contains("People have accounts to do only admins so far Create an account")
        .contains("Skip to the approvals");
    assertThat(html).contains("href=\"/admin/users\"").contains("href=\"/admin/hosts\"");
  }

  @Test
  void withNoHostAtAllTheFirstStepIsToRegisterOne() throws Exception {
    when(hosts.list()).thenReturn(List.of());

    String text = Html.text(checklist());

    assertThat(text)
        .contains("A Docker host takes workspaces to do no host is registered")
        .contains("Register one (this machine&#39;s engine: unix:///var/run/docker.sock).")
        .contains("The workspace image is on a host to do no host to hold it yet");
  }

  @Test
  void aReadyPortalLandsOnTheApprovalsAndTheChecklistSaysAllIsInPlace() throws Exception {
    portalWith(ImageOnHost.State.PRESENT, "workspace-portal/spark:4.0-f9f9df6347", Role.USER);

    assertThat(home()).isEqualTo("/admin/approvals");
    assertThat(Html.text(checklist()))
        .contains("Everything is in place")
        .contains("workspace-portal/spark:4.0-f9f9df6347")
        .doesNotContain("to do");
  }

  @Test
  void usersDoNotSeeTheChecklist() throws Exception {
    assertThat(
            mvc.perform(
                    get("/admin/first-run")
                        .with(user(RealSecurityTestConfiguration.USER).roles("USER")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }
}
