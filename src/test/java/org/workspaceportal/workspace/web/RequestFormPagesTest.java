package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.common.NotFoundException;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceNameTakenException;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.template.TemplateService;
import org.workspaceportal.workspace.template.TemplateView;

/** The request form guides: limits per template, quota, a summary, names taken, request again. */
@PageSliceTest
class RequestFormPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired TemplateService templates;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private static TemplateView storageOnly() {
    return new TemplateView(
        UUID.randomUUID(), "storage-only", "", "none", "-", 1, 1, 1, 256, false, true, false);
  }

  @BeforeEach
  void templatesAndQuota() {
    when(templates.enabledFor(any()))
        .thenReturn(
            List.of(
                WorkspaceFixtures.defaultTemplate(),
                WorkspaceFixtures.largeTemplate(),
                storageOnly()));
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 1, 16, 6));
    when(workspaces.roomNowUpTo(any())).thenReturn(16); // room for anything: nothing would queue
  }

  /** A post as the browser sends it: every field, empty when not filled in. */
  private static MockHttpServletRequestBuilder submit(
      String name, String template, String workers) {
    return post("/workspaces")
        .with(alice())
        .with(csrf())
        .param("name", name)
        .param("description", "")
        .param("template", template)
        .param("workers", workers)
        .param("_datahub", "on")
        .param("retention", "DESTROY")
        .param("expiresAt", "");
  }

  private String page(String path) throws Exception {
    return mvc.perform(get(path).with(alice())).andReturn().getResponse().getContentAsString();
  }

  @Test
  void theWorkersLimitIsTheSelectedTemplatesAndEveryOptionCarriesItsOwn() throws Exception {
    String html = page("/workspaces/new");

    assertThat(html)
        .containsPattern("<input type=\"number\" min=\"1\"[^>]*max=\"4\"[^>]*id=\"workers\"")
        .containsPattern("placeholder=\"2 \\(the template&#39;s default\\)\"")
        .containsPattern(
            "<option value=\"spark-4.0-large\"\\s+data-max=\"16\" data-default=\"4\""
                + " data-cores=\"4\" data-memory=\"8192\" data-cluster=\"true\"")
        .containsPattern(
            "<option value=\"storage-only\"\\s+data-max=\"1\"[^>]*data-cluster=\"false\"");
    assertThat(Html.text(html))
        .contains("1 to 4 for spark-4.0-small; empty: 2.")
        .doesNotContain("64");
  }

  @Test
  void aTeamsStorageLimitShowsOnTheFormAndASizelessTemplateIsMarkedOverIt() throws Exception {
    when(workspaces.quotaOf(ALICE))
        .thenReturn(
            new Quota(
                5, 1, 16, 6, List.of(new Quota.TeamQuota("physics", null, 1, null, 2, 60, 50))));
    String html = page("/workspaces/new");

    assertThat(html)
        .contains("data-storage-left=\"10\"")
        .containsPattern("<span data-storage-blocked=\"\"\\s*>")
        .containsPattern("class=\"alert py-2 alert-danger\" id=\"request-summary\"");
    assertThat(Html.text(html))
        .contains("Your team physics uses 50 of 60 GiB of buckets (its members together).")
        .contains("Your team's storage limit leaves 10 GiB of buckets");
  }

  @Test
  void aFormReRenderedForAnotherTemplateTakesThatTemplatesLimit() throws Exception {
    String html =
        mvc.perform(submit("Bad_Name", "spark-4.0-large", "12"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).containsPattern("max=\"16\"[^>]*id=\"workers\"").contains("value=\"12\"");
    assertThat(Html.text(html)).contains("1 to 16 for spark-4.0-large; empty: 4.");
  }

  @Test
  void aRefusedRequestStaysHighlightedAsTheRequestPage() throws Exception {
    // re-rendered under the form's action, /workspaces, which is "My workspaces" by address
    String html =
        mvc.perform(submit("Bad_Name", WorkspaceFixtures.DEFAULT_TEMPLATE, ""))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern("<a [^>]*id=\"nav-request\"[^>]*aria-current=\"page\"")
        .doesNotContainPattern("<a [^>]*id=\"nav-workspaces\"[^>]*aria-current=\"page\"");
    assertThat(html.split("aria-current=\"page\"", -1)).as("one current page").hasSize(2);
  }

  @Test
  void theFormShowsTheQuotaAndWhatTheRequestAddsToIt() throws Exception {
    String text = Html.text(page("/workspaces/new"));

    assertThat(text)
        .contains("You use 1 of 5 workspaces and 6 of 16 workers")
        .contains(
            "2 workers = 2 CPU / 4.0 GB; after approval: 2 of 5 workspaces, 8 of 16 workers.");
  }

  @Test
  void theSummaryCountsTheWorkersAskedFor() throws Exception {
    String text =
        Html.text(
            mvc.perform(submit("", "spark-4.0-large", "3"))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains(
            "3 workers = 12 CPU / 24.0 GB; after approval: 2 of 5 workspaces, 9 of 16 workers.");
  }

  @Test
  void aTakenNameIsMarkedOnTheNameField() throws Exception {
    when(workspaces.request(any(), any())).thenThrow(new WorkspaceNameTakenException("alpha"));

    String html =
        mvc.perform(submit("alpha", WorkspaceFixtures.DEFAULT_TEMPLATE, ""))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html)
        .containsPattern(
            "class=\"form-control is-invalid\"[^>]*id=\"name\"|id=\"name\"[^>]*is-invalid")
        .containsPattern(
            "<div class=\"invalid-feedback d-block\" id=\"name-error\">You already have a workspace"
                + " named &#39;alpha&#39;.");
    assertThat(html).doesNotContain("alert alert-danger");
  }

  @Test
  void theNamesOfLiveWorkspacesAreGivenToTheFormsScript() throws Exception {
    when(workspaces.list(ALICE_USER, null, null))
        .thenReturn(
            List.of(
                WorkspaceFixtures.view("alpha", ALICE, WorkspaceStatus.READY),
                WorkspaceFixtures.view("old-one", ALICE, WorkspaceStatus.REJECTED)));

    assertThat(page("/workspaces/new")).contains("data-taken=\"[&quot;alpha&quot;]\"");
  }

  @Test
  void expiryPresetsFillTheExpiryField() throws Exception {
    String html = page("/workspaces/new");

    assertThat(html)
        .contains("data-expiry-for=\"expiresAt\" data-expiry-days=\"7\">1 week</button>")
        .contains("data-expiry-days=\"0\">Never</button>");
    assertThat(Html.text(html))
        .contains("Expires (UTC, optional)")
        .as("an expired workspace stops; deletion comes later, as its page says")
        .contains("Then it stops: its notebooks and data are kept, and you can ask for more time.")
        .doesNotContain("Then it is deleted");
  }

  @Test
  void theRetentionChoicesUseTheWordsEveryPageUses() throws Exception {
    assertThat(Html.text(page("/workspaces/new")))
        .contains(
            "When deleted, the data is kept destroyed, recoverable by a storage admin until the array erases it (FlashBlade: 24 hours by default) erased at once, for"
                + " good");
  }

  @Test
  void requestAgainFillsTheFormFromTheRejectedRequestAndShowsTheReason() throws Exception {
    UUID id = UUID.randomUUID();
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    WorkspaceView rejected =
        new WorkspaceView(
            id,
            "big-one",
            "Grid search",
            ALICE,
            "spark-4.0-large",
            8,
            true,
            Retention.KEEP,
            Instant.parse("2020-01-01T00:00:00Z"),
            WorkspaceStatus.REJECTED,
            "Please try 4 workers first",
            t,
            t,
            List.of(),
            List.of(),
            null,
            null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(rejected);

    String html = page("/workspaces/new?from=" + id);

    assertThat(Html.text(html))
        .contains("Filled in from big-one , which was rejected: Please try 4 workers first");
    assertThat(html)
        .contains("value=\"big-one\"", "Grid search</textarea>", "value=\"8\"")
        .containsPattern("<option value=\"spark-4.0-large\"[^>]*selected=\"selected\"")
        .containsPattern("<option value=\"KEEP\"[^>]*selected=\"selected\"")
        .containsPattern(
            "id=\"datahub1\"[^>]*checked=\"checked\"|checked=\"checked\"[^>]*id=\"datahub1\"");
    assertThat(html).as("an expiry in the past is dropped").doesNotContain("2020-01-01");
  }

  @Test
  void requestAgainFromSomeoneElsesWorkspaceIsNotFound() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER)).thenThrow(new NotFoundException("Workspace"));

    assertThat(
            mvc.perform(get("/workspaces/new").param("from", id.toString()).with(alice()))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(404);
  }
}
