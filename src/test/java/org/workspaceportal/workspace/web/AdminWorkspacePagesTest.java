package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.quota.QuotaExceededException;

/** The admin's approval queue and list of all workspaces. */
@PageSliceTest
class AdminWorkspacePagesTest {

  private static final String ROOT = RealSecurityTestConfiguration.ADMIN;
  private static final CurrentUser ROOT_ADMIN = new CurrentUser(ROOT, true);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;

  private static RequestPostProcessor root() {
    return user(ROOT).roles("ADMIN", "USER");
  }

  @Test
  void theApprovalQueueShowsEachRequestersUsageAgainstTheirQuota() throws Exception {
    var fits =
        WorkspaceFixtures.view(
            UUID.randomUUID(),
            "small-one",
            "bob",
            WorkspaceStatus.PENDING_APPROVAL,
            "for the churn model");
    var tooBig =
        WorkspaceFixtures.view(
            UUID.randomUUID(), "another-one", "carol", WorkspaceStatus.PENDING_APPROVAL, null);
    when(workspaces.approvalQueue())
        .thenReturn(
            List.of(
                new PendingRequest(fits, new Quota(5, 1, 16, 2)),
                new PendingRequest(tooBig, new Quota(1, 1, 16, 0))));

    String text =
        Html.text(
            mvc.perform(get("/admin/approvals").with(root()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains(
            "bob / small-one",
            "for the churn model",
            "After approval bob would use 2 of 5 workspaces and 4 of 16 workers.")
        .contains(
            "carol / another-one",
            "After approval carol would use 2 of 1 workspaces and 2 of 16 workers: over a quota");
  }

  @Test
  void anEmptyQueueSaysSo() throws Exception {
    when(workspaces.approvalQueue()).thenReturn(List.of());

    assertThat(
            Html.text(
                mvc.perform(get("/admin/approvals").with(root()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()))
        .contains("Nothing to approve.");
  }

  @Test
  void approvingRedirectsToTheQueueWithAFlashMessage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.approve(id, ROOT_ADMIN))
        .thenReturn(WorkspaceFixtures.view(id, "small-one", "bob", WorkspaceStatus.APPROVED));

    MvcResult result =
        mvc.perform(post("/admin/workspaces/" + id + "/approve").with(root()).with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/approvals");
    assertThat(Html.flash(result)).containsEntry("flash", "Approved 'small-one' for bob.");
  }

  @Test
  void anApprovalThatBreaksTheQuotaShowsWhyAsAnError() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.approve(id, ROOT_ADMIN))
        .thenThrow(
            new QuotaExceededException(
                "Quota exceeded: at most 1 live workspaces are allowed and you have 1."));

    MvcResult result =
        mvc.perform(post("/admin/workspaces/" + id + "/approve").with(root()).with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/approvals");
    assertThat(Html.flash(result))
        .containsEntry(
            "flashError", "Quota exceeded: at most 1 live workspaces are allowed and you have 1.");
  }

  @Test
  void rejectingWithoutAReasonShowsAnError() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.reject(eq(id), eq(""), eq(ROOT_ADMIN)))
        .thenThrow(
            new InvalidWorkspaceRequestException("reason", "is required when rejecting a request"));

    MvcResult result =
        mvc.perform(
                post("/admin/workspaces/" + id + "/reject")
                    .param("reason", "   ")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/approvals");
    assertThat(Html.flash(result))
        .containsEntry("flashError", "reason: is required when rejecting a request");
    when(workspaces.approvalQueue()).thenReturn(List.of());
    String page =
        mvc.perform(get("/admin/approvals").with(root()).flashAttrs(result.getFlashMap()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains(
            "<div class=\"alert alert-danger\" role=\"alert\">reason: is required when rejecting a request</div>");
  }

  @Test
  void rejectingWithoutTheReasonParameterAtAllShowsTheSameError() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.reject(eq(id), eq(""), any()))
        .thenThrow(
            new InvalidWorkspaceRequestException("reason", "is required when rejecting a request"));

    MvcResult result =
        mvc.perform(post("/admin/workspaces/" + id + "/reject").with(root()).with(csrf()))
            .andReturn();

    assertThat(Html.flash(result)).containsKey("flashError");
  }

  @Test
  void rejectingWithAReasonPassesItOnTrimmed() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.reject(id, "Too big for now", ROOT_ADMIN))
        .thenReturn(WorkspaceFixtures.view(id, "small-one", "bob", WorkspaceStatus.REJECTED));

    MvcResult result =
        mvc.perform(
                post("/admin/workspaces/" + id + "/reject")
                    .param("reason", "  Too big for now \n")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(Html.flash(result)).containsEntry("flash", "Rejected 'small-one'.");
    verify(workspaces).reject(id, "Too big for now", ROOT_ADMIN);
  }

  @Test
  void allWorkspacesCanBeFilteredByOwnerAndStatus() throws Exception {
    when(workspaces.list(ROOT_ADMIN, "bob", WorkspaceStatus.READY))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", "bob", WorkspaceStatus.READY)));

    String text =
        Html.text(
            mvc.perform(
                    get("/admin/workspaces")
                        .param("owner", "bob")
                        .param("status", "READY")
                        .with(root()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text).contains("bob alpha Ready");
  }

  @Test
  void allWorkspacesRefreshesItselfWhileOneIsBusyKeepingTheFilters() throws Exception {
    when(workspaces.list(ROOT_ADMIN, "bob", null))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", "bob", WorkspaceStatus.DELETING)));

    String html =
        mvc.perform(get("/admin/workspaces").param("owner", "bob").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern("hx-get=\"/admin/workspaces\\?owner=bob&amp;status(=)?&amp;refresh=1\"")
        .contains("hx-trigger=\"load delay:10s\"")
        .contains("<option value=\"DELETING\">Deleting</option>");
  }

  @Test
  void aBlankOwnerFilterMeansEveryOwner() throws Exception {
    mvc.perform(get("/admin/workspaces").param("owner", "").param("status", "").with(root()))
        .andReturn();

    verify(workspaces).list(ROOT_ADMIN, null, null);
  }

  @Test
  void anUnknownStatusFilterIsAClientErrorNotAServerError() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/admin/workspaces").param("status", "BOGUS").with(root()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isBetween(400, 499);
  }

  @Test
  void markupInADescriptionIsEscapedOnTheApprovalQueue() throws Exception {
    var ws =
        WorkspaceFixtures.view(
            UUID.randomUUID(),
            "alpha",
            "bob",
            WorkspaceStatus.PENDING_APPROVAL,
            "<script>alert(1)</script>");
    when(workspaces.approvalQueue())
        .thenReturn(List.of(new PendingRequest(ws, new Quota(5, 0, 16, 0))));

    String html =
        mvc.perform(get("/admin/approvals").with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
}
