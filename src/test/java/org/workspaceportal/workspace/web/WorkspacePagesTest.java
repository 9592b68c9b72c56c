package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.IllegalTransitionException;
import org.workspaceportal.workspace.InvalidWorkspaceRequestException;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceRequest;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.quota.QuotaExceededException;
import org.workspaceportal.workspace.template.TemplateService;

/** A user's pages: the request form, "my workspaces" and a workspace's detail. */
@PageSliceTest
class WorkspacePagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  /**
   * A request form post as the browser sends it: every field present, empty when not filled in, and
   * Thymeleaf's {@code _datahub} marker for the unchecked checkbox.
   */
  private static MockHttpServletRequestBuilder submit(
      String name, String workers, String... overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("name", name);
    fields.put("description", "");
    fields.put("template", WorkspaceFixtures.DEFAULT_TEMPLATE);
    fields.put("workers", workers);
    fields.put("_datahub", "on");
    fields.put("retention", "DESTROY");
    fields.put("expiresAt", "");
    for (int i = 0; i < overrides.length; i += 2) {
      fields.put(overrides[i], overrides[i + 1]);
    }
    MockHttpServletRequestBuilder post = post("/workspaces").with(alice()).with(csrf());
    fields.forEach(post::param);
    return post;
  }

  @BeforeEach
  void templates() {
    when(templates.enabledFor(any()))
        .thenReturn(
            List.of(WorkspaceFixtures.defaultTemplate(), WorkspaceFixtures.largeTemplate()));
  }

  @Test
  void theRequestFormOffersTheEnabledTemplatesWithTheDefaultSelected() throws Exception {
    String html =
        mvc.perform(get("/workspaces/new").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).containsPattern("<option value=\"spark-4.0-small\"[^>]*selected=\"selected\"");
    assertThat(html).containsPattern("<option value=\"spark-4.0-large\"(?![^>]*selected)[^>]*>");
    assertThat(html).containsPattern("<option value=\"DESTROY\"[^>]*selected=\"selected\"");
  }

  @Test
  void anInvalidNameReRendersTheFormWithTheFieldErrorAndKeepsTheInput() throws Exception {
    MvcResult result = mvc.perform(submit("Bad_Name", "")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    assertThat(result.getModelAndView().getViewName()).isEqualTo("workspaces/new");
    BindingResult errors =
        (BindingResult)
            result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
    assertThat(errors.getFieldErrors()).extracting("field").containsOnly("name");
    String html = result.getResponse().getContentAsString();
    assertThat(Html.text(html))
        .contains(
            "must be 3-40 characters of lowercase letters, digits and hyphens, starting with a letter");
    assertThat(html)
        .contains("value=\"Bad_Name\"")
        .containsPattern("class=\"form-control is-invalid\"");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void anEmptyNameIsRequired() throws Exception {
    String html = mvc.perform(submit("", "")).andReturn().getResponse().getContentAsString();

    assertThat(Html.text(html)).contains("is required");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void tooManyWorkersReRenderTheFormWithTheTemplatesLimitAsTheOnlyMessage() throws Exception {
    String html =
        mvc.perform(submit("valid-name", "65")).andReturn().getResponse().getContentAsString();

    // the API's absolute ceiling (64) would contradict the template's: one message per field
    assertThat(Html.text(html))
        .contains("must be at most 4 for template &#39;spark-4.0-small&#39;")
        .doesNotContain("must be at most 64");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void zeroWorkersReRenderTheForm() throws Exception {
    String html =
        mvc.perform(submit("valid-name", "0")).andReturn().getResponse().getContentAsString();

    assertThat(Html.text(html)).contains("must be at least 1");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void aFormWithoutTheCheckboxMarkerStillDoesNotFail() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(post("/workspaces").with(alice()).with(csrf()).param("name", "valid-name"))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isBetween(200, 399);
  }

  @Test
  void workersThatAreNotANumberReRenderTheFormInsteadOfFailing() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(submit("valid-name", "many")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString()).contains("is-invalid");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void workersThatAreNotANumberSayWhatIsWrongInWordsNotJavaConversionText() throws Exception {
    String text =
        Html.text(
            mvc.perform(submit("valid-name", "many"))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains("must be a whole number")
        .doesNotContain("Failed to convert", "java.");
  }

  @Test
  void theFormKeepsTheApisRulesForEveryField() throws Exception {
    String html =
        mvc.perform(submit("valid-name", "2", "template", "t".repeat(41)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("must be at most 40 characters");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void anUnknownRetentionReRendersTheFormWithAMessageOnThatField() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(submit("valid-name", "2", "retention", "BOGUS")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(Html.text(response.getContentAsString()))
        .contains("choose what happens to the data when the workspace is deleted");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void anExpiryThatIsNotADateSaysSo() throws Exception {
    String text =
        Html.text(
            mvc.perform(submit("valid-name", "2", "expiresAt", "next tuesday"))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text).contains("must be a date and time").doesNotContain("Failed to convert");
  }

  @Test
  void aDescriptionOver2000CharactersReRendersTheForm() throws Exception {
    String html =
        mvc.perform(submit("valid-name", "", "description", "d".repeat(2001)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("must be at most 2000 characters");
    verify(workspaces, never()).request(any(), any());
  }

  @Test
  void aValidRequestRedirectsToItsPageWithAFlashMessage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.request(any(), eq(ALICE_USER)))
        .thenReturn(
            WorkspaceFixtures.view(
                id, "churn-model", ALICE, WorkspaceStatus.PENDING_APPROVAL, null));

    MvcResult result =
        mvc.perform(
                submit(
                    "churn-model",
                    "3",
                    "datahub",
                    "true",
                    "retention",
                    "KEEP",
                    "expiresAt",
                    "2030-06-01T12:30"))
            .andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(Html.flash(result))
        .containsEntry("flash", "Requested 'churn-model'. An admin will review it.");
    verify(workspaces)
        .request(
            new WorkspaceRequest(
                "churn-model",
                "",
                "spark-4.0-small",
                3,
                true,
                Retention.KEEP,
                Instant.parse("2030-06-01T12:30:00Z")),
            ALICE_USER);
  }

  @Test
  void theFlashMessageIsShownOnTheNextPage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(
            WorkspaceFixtures.view(
                id, "churn-model", ALICE, WorkspaceStatus.PENDING_APPROVAL, null));

    String html =
        mvc.perform(
                get("/workspaces/" + id)
                    .with(alice())
                    .flashAttr("flash", "Requested 'churn-model'. An admin will review it."))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern(
            "<div class=\"alert alert-success\" role=\"status\">Requested &#39;churn-model&#39;. An admin will review it.</div>");
  }

  @Test
  void aRuleThatTheServiceChecksShowsUnderItsField() throws Exception {
    when(workspaces.request(any(), any()))
        .thenThrow(new InvalidWorkspaceRequestException("expiresAt", "must be in the future"));

    MvcResult result =
        mvc.perform(submit("valid-name", "2", "expiresAt", "2020-01-01T00:00")).andReturn();

    assertThat(result.getResponse().getStatus()).isEqualTo(200);
    BindingResult errors =
        (BindingResult)
            result.getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
    assertThat(errors.getFieldError("expiresAt").getDefaultMessage())
        .isEqualTo("must be in the future");
    assertThat(result.getResponse().getContentAsString())
        .containsPattern(
            "<div class=\"invalid-feedback d-block\" id=\"expiresAt-error\">must be in the future</div>");
  }

  @Test
  void aQuotaRefusalShowsAboveTheFormWithLimitAndUsage() throws Exception {
    when(workspaces.request(any(), any()))
        .thenThrow(
            new QuotaExceededException(
                "Quota exceeded: at most 5 live workspaces are allowed and you have 5."));

    MockHttpServletResponse response =
        mvc.perform(submit("valid-name", "")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(response.getContentAsString())
        .containsPattern("class=\"alert alert-danger\"")
        .contains("Quota exceeded: at most 5 live workspaces are allowed and you have 5.");
  }

  @Test
  void myWorkspacesShowsMyUsageAgainstMyQuota() throws Exception {
    when(workspaces.list(new CurrentUser(ALICE, false), null, null))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", ALICE, WorkspaceStatus.APPROVED)));
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 1, 16, 2));

    String html =
        mvc.perform(get("/workspaces").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Using 1 of 5 workspaces and 2 of 16 workers.", "alpha", "Approved");
  }

  @Test
  void anAdminSeesOnlyTheirOwnWorkspacesOnMyWorkspaces() throws Exception {
    when(workspaces.quotaOf(any())).thenReturn(new Quota(5, 0, 16, 0));

    mvc.perform(get("/workspaces").with(user("root").roles("ADMIN", "USER"))).andReturn();

    verify(workspaces).list(new CurrentUser("root", false), null, null);
  }

  @Test
  void theDetailPageShowsStatusReasonAndHistory() throws Exception {
    UUID id = UUID.randomUUID();
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    WorkspaceView rejected =
        new WorkspaceView(
            id,
            "alpha",
            "Churn",
            ALICE,
            "spark-4.0-small",
            2,
            true,
            Retention.ERADICATE,
            null,
            WorkspaceStatus.REJECTED,
            "Too big for now",
            t,
            t,
            List.of(
                new WorkspaceView.HistoryEntry(
                    null, WorkspaceStatus.PENDING_APPROVAL, ALICE, null, t),
                new WorkspaceView.HistoryEntry(
                    WorkspaceStatus.PENDING_APPROVAL,
                    WorkspaceStatus.REJECTED,
                    "root",
                    "Too big for now",
                    t)),
            List.of(),
            null,
            null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(rejected);

    String text =
        Html.text(
            mvc.perform(get("/workspaces/" + id).with(alice()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains("alpha Rejected", "Too big for now", "Churn", "Datahub (NFS) yes")
        .contains("When deleted, the data is erased at once, for good")
        .contains("ago — Waiting for approval alice")
        .contains("Waiting for approval Rejected root Too big for now");
  }

  @Test
  void someoneElsesWorkspaceShowsANotFoundPage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER)).thenThrow(new NotFoundException("Workspace"));

    MockHttpServletResponse response =
        mvc.perform(get("/workspaces/" + id).with(alice())).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(Html.text(response.getContentAsString()))
        .contains("Workspace was not found.", "HTTP 404");
  }

  @Test
  void anErrorPageHeadingNamesTheProblemNotTheLayoutTitle() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER)).thenThrow(new NotFoundException("Workspace"));

    String html =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    // the model attribute "title" must not collide with the layout fragment's parameter "title",
    // or the heading shows the escaped <title> element instead of "Not found"
    assertThat(html)
        .containsPattern("<h1 class=\"h3\">Not found</h1>")
        .doesNotContain("&lt;title&gt;");
  }

  @Test
  void aMalformedIdShowsANotFoundPageNotAServerError() throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get("/workspaces/not-a-uuid").with(alice())).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(Html.text(response.getContentAsString()))
        .contains("There is nothing at this address.");
  }

  @Test
  void deletingRedirectsToTheWorkspaceToFollowTheCleanUp() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.delete(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.DELETING));

    MvcResult result =
        mvc.perform(post("/workspaces/" + id + "/delete").with(alice()).with(csrf())).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(Html.flash(result))
        .containsEntry("flash", "Deleting 'alpha': this page follows the clean-up.");
  }

  @Test
  void withdrawingARequestLeadsBackToTheListSayingSo() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.delete(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.DELETED));

    MvcResult result =
        mvc.perform(post("/workspaces/" + id + "/delete").with(alice()).with(csrf())).andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workspaces");
    assertThat(Html.flash(result)).containsEntry("flash", "Withdrew the request 'alpha'.");
  }

  @Test
  void deletingInAStatusThatDoesNotAllowItShowsAConflictPage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.delete(id, ALICE_USER))
        .thenThrow(
            new IllegalTransitionException("alpha", WorkspaceStatus.PROVISIONING, "deleted"));

    MockHttpServletResponse response =
        mvc.perform(post("/workspaces/" + id + "/delete").with(alice()).with(csrf()))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(Html.text(response.getContentAsString()))
        .contains(
            "Workspace &#39;alpha&#39; is PROVISIONING; it cannot be deleted in that status.");
  }

  @Test
  void deletingAsksForConfirmationAndSaysWhatHappensToTheData() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.READY));

    String html =
        mvc.perform(get("/workspaces/" + id + "/delete").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html)).contains("Delete alpha ?", "destroyed");
    assertThat(html).contains("action=\"/workspaces/" + id + "/delete\"");
    Html.assertEveryPostFormCarriesACsrfToken(html);
    verify(workspaces, never()).delete(any(), any());
  }

  @Test
  void theDeleteButtonIsHiddenOnceDeletionStarted() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.DELETING, null));

    String html =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("id=\"delete\"");
  }

  @Test
  void markupInADescriptionIsEscapedOnTheDetailPage() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(
            WorkspaceFixtures.view(
                id,
                "alpha",
                ALICE,
                WorkspaceStatus.PENDING_APPROVAL,
                "<script>alert('x')</script><b>hi</b>"));

    String html =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .doesNotContain("<script>alert", "<b>hi</b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }
}
