package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.StorageInfo;
import org.workspaceportal.workspace.files.FilesView;
import org.workspaceportal.workspace.files.NotebookSaves;
import org.workspaceportal.workspace.quota.Quota;

/**
 * The workspace pages say where things stand and what happens next: plain words, a page that stops
 * refreshing once nothing changes, honest wording for withdrawing a request, decisions where the
 * admin reads the request.
 */
@PageSliceTest
class WorkspacePageGuidanceTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final String ROOT = RealSecurityTestConfiguration.ADMIN;

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;
  @Autowired NotebookSaves saves;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private static RequestPostProcessor root() {
    return user(ROOT).roles("ADMIN", "USER");
  }

  private String detail(UUID id, WorkspaceStatus status) throws Exception {
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, status));
    return mvc.perform(get("/workspaces/" + id).with(alice()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceStatus.class,
      names = {"READY", "STOPPED", "FAILED", "REJECTED", "DELETED"})
  void aWorkspaceWhereNothingIsGoingOnIsNotPolled(WorkspaceStatus status) throws Exception {
    String html = detail(UUID.randomUUID(), status);

    assertThat(html).contains("hx-trigger=\"sse:progress\"").doesNotContain("every ");
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceStatus.class,
      names = {"APPROVED", "PROVISIONING", "DELETING"})
  void aWorkspaceWithWorkGoingOnRefreshesItselfOften(WorkspaceStatus status) throws Exception {
    assertThat(detail(UUID.randomUUID(), status))
        .contains("hx-trigger=\"sse:progress, every 10s\"");
  }

  @Test
  void aRevealedSecretSurvivesTheRefreshOfThePage() throws Exception {
    UUID id = UUID.randomUUID();
    when(credentials.storageInfo(id, ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo("acc", "alpha-b", "PSFBKEY", "http://s3", null, null, true)));

    String html = detail(id, WorkspaceStatus.READY);

    // htmx keeps an element with hx-preserve as it is when the live part around it is swapped
    assertThat(html).containsPattern("<div id=\"secret\" class=\"mt-2\" hx-preserve=\"true\">");
    assertThat(html)
        .contains(
            "data-copy=\"bucket\"",
            "data-copy=\"access-key-id\"",
            "data-copy=\"s3-endpoint\"",
            "data-copy=\"workspace-id\"");
  }

  @Test
  void aDegradedWorkspaceSaysWhatIsMissingAndOffersRepairToItsOwner() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView plain = WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.DEGRADED);
    WorkspaceView degraded =
        new WorkspaceView(
            id,
            plain.name(),
            null,
            ALICE,
            plain.template(),
            2,
            false,
            Retention.DESTROY,
            null,
            WorkspaceStatus.DEGRADED,
            "Not running: worker-2 on local (vanished).",
            plain.createdAt(),
            plain.updatedAt(),
            plain.history(),
            List.of(),
            null,
            null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(degraded);
    String html =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Needs repair. Not running: worker-2 on local (vanished).")
        .contains("Repair recreates what is missing");
    assertThat(html).contains("action=\"/workspaces/" + id + "/repair\"");
    Html.assertEveryPostFormCarriesACsrfToken(html);

    when(workspaces.repair(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.REPAIRING));
    MvcResult repaired =
        mvc.perform(post("/workspaces/" + id + "/repair").with(alice()).with(csrf())).andReturn();
    assertThat(repaired.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(Html.flash(repaired).get("flash").toString()).startsWith("Repairing 'alpha'");
  }

  @Test
  void theStatusIsInPlainWordsAndKeepsItsNameForScripts() throws Exception {
    String html = detail(UUID.randomUUID(), WorkspaceStatus.PENDING_APPROVAL);

    assertThat(html)
        .containsPattern(
            "<span class=\"badge status-badge text-bg-warning\" data-status=\"PENDING_APPROVAL\">Waiting"
                + " for approval</span>");
  }

  @Test
  void aPendingRequestSaysWhatHappensNextAndIsWithdrawnNotDeleted() throws Exception {
    UUID id = UUID.randomUUID();
    String text = Html.text(detail(id, WorkspaceStatus.PENDING_APPROVAL));

    assertThat(text)
        .contains("Waiting for an admin to approve it. Nothing has been created yet.")
        .contains("Withdraw request")
        .doesNotContain("Delete…");

    String confirm =
        Html.text(
            mvc.perform(get("/workspaces/" + id + "/delete").with(alice()))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(confirm)
        .contains("Withdraw the request for alpha?")
        .contains("Nothing has been created for it yet, so nothing is deleted")
        .doesNotContain("destroyed", "bucket");
  }

  @Test
  void deletingAWorkspaceSaysWhatHappensToItsClusterNotebooksAndDataInTheFormsWords()
      throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView ready =
        WorkspaceFixtures.with(
            WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.READY),
            List.of(),
            WorkspaceFixtures.cluster(false));
    when(workspaces.get(id, ALICE_USER)).thenReturn(ready);

    String text =
        Html.text(
            mvc.perform(get("/workspaces/" + id + "/delete").with(alice()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(text)
        .contains("What happens, as chosen when it was requested:")
        .contains(
            "The Spark cluster stops at once: its containers are removed and its cores, memory and"
                + " ports go back to the hosts.")
        .contains(
            "The notebooks are saved one last time to the folder .workspace-files/ of the bucket"
                + " and destroyed with it.")
        .contains("a storage admin can recover it (the notebooks too)");
  }

  @Test
  void theStorageSaysWhenTheNotebooksWereLastSavedAndASaveThatFailsInRed() throws Exception {
    UUID id = UUID.randomUUID();
    when(credentials.storageInfo(id, ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo("acct", "alpha-bucket", "PSFB1", "http://s3", null, null, true)));
    Instant saved = Instant.now().minusSeconds(60);
    when(saves.view(id))
        .thenReturn(
            Optional.of(
                new FilesView(
                    saved,
                    2004,
                    210L * 1024 * 1024,
                    saved,
                    null,
                    null,
                    Duration.ofMinutes(2),
                    ".workspace-files/")));

    String text = Html.text(detail(id, WorkspaceStatus.READY));

    assertThat(text)
        .contains("Last saved 1 minute ago (2004 files, 210 MB)")
        .contains(
            "in alpha-bucket/.workspace-files/ ; every 2 min while it runs, and when it stops")
        .doesNotContain("Saving has failed");

    when(saves.view(id))
        .thenReturn(
            Optional.of(
                new FilesView(
                    saved,
                    2004,
                    210L * 1024 * 1024,
                    Instant.now(),
                    "S3 could not put a.txt: connection refused",
                    Instant.parse("2026-12-05T10:15:00Z"),
                    Duration.ofMinutes(2),
                    ".workspace-files/")));
    assertThat(Html.text(detail(id, WorkspaceStatus.READY)))
        .contains(
            "Saving has failed since 10:15 UTC : S3 could not put a.txt: connection refused . It"
                + " is tried again every 30 s.");
  }

  @Test
  void aRejectedRequestShowsItsReasonInTheListAndOffersToRequestItAgain() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView rejected = rejected(id);
    when(workspaces.list(ALICE_USER, null, null)).thenReturn(List.of(rejected));
    when(workspaces.get(id, ALICE_USER)).thenReturn(rejected);

    String list =
        mvc.perform(get("/workspaces").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String page =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(list)).contains("Rejected Too big for now");
    assertThat(list).contains("href=\"/workspaces/new?from=" + id + "\"");
    assertThat(page).contains("id=\"request-again\"", "href=\"/workspaces/new?from=" + id + "\"");
    assertThat(Html.text(page)).contains("Rejected. Too big for now").contains("Remove");
  }

  @Test
  void aListRefreshesItselfOnlyWhileAWorkspaceIsBusy() throws Exception {
    when(workspaces.list(ALICE_USER, null, null))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", ALICE, WorkspaceStatus.PROVISIONING)));
    String busy =
        mvc.perform(get("/workspaces").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(busy).contains("hx-get=\"/workspaces?refresh=1\"", "hx-trigger=\"load delay:10s\"");

    when(workspaces.list(ALICE_USER, null, null))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", ALICE, WorkspaceStatus.READY)));
    String settled =
        mvc.perform(
                get("/workspaces").param("refresh", "7").header("HX-Request", "true").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(settled).doesNotContain("hx-get", "hx-trigger").doesNotContain("<nav");
  }

  @Test
  void aListStopsRefreshingAfterAnHourEvenIfSomethingIsStillBusy() throws Exception {
    when(workspaces.list(ALICE_USER, null, null))
        .thenReturn(List.of(WorkspaceFixtures.view("alpha", ALICE, WorkspaceStatus.PROVISIONING)));

    String html =
        mvc.perform(
                get("/workspaces")
                    .param("refresh", String.valueOf(ListRefresh.MAX))
                    .header("HX-Request", "true")
                    .with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html).doesNotContain("hx-trigger");
  }

  @Test
  void anAdminDecidesOnAPendingRequestFromItsPage() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView pending =
        WorkspaceFixtures.view(id, "alpha", "bob", WorkspaceStatus.PENDING_APPROVAL);
    when(workspaces.get(id, new CurrentUser(ROOT, true))).thenReturn(pending);
    when(workspaces.pendingRequest(id))
        .thenReturn(Optional.of(new PendingRequest(pending, new Quota(5, 1, 16, 3))));

    String html =
        mvc.perform(get("/workspaces/" + id).with(root()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Your decision")
        .contains("After approval bob would use 2 of 5 workspaces and 5 of 16 workers.");
    assertThat(html)
        .contains("action=\"/admin/workspaces/" + id + "/approve\"")
        .contains("<input type=\"hidden\" name=\"from\" value=\"workspace\">");
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void approvingFromTheWorkspacePageLeadsBackToIt() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.approve(id, new CurrentUser(ROOT, true)))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", "bob", WorkspaceStatus.APPROVED));

    MvcResult result =
        mvc.perform(
                post("/admin/workspaces/" + id + "/approve")
                    .param("from", "workspace")
                    .with(root())
                    .with(csrf()))
            .andReturn();
    MvcResult elsewhere =
        mvc.perform(
                post("/admin/workspaces/" + id + "/approve")
                    .param("from", "https://evil.example/")
                    .with(root())
                    .with(csrf()))
            .andReturn();

    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(elsewhere.getResponse().getRedirectedUrl()).isEqualTo("/admin/approvals");
  }

  @Test
  void theOwnersPageIsNotOfferedTheAdminsDecision() throws Exception {
    String html = detail(UUID.randomUUID(), WorkspaceStatus.PENDING_APPROVAL);

    assertThat(html).doesNotContain("id=\"decision\"");
  }

  @ParameterizedTest
  @EnumSource(
      value = WorkspaceStatus.class,
      names = {"READY", "STOPPED"})
  void anExpiryAheadSaysWhatItChangesForARunningAndAStoppedWorkspace(WorkspaceStatus status)
      throws Exception {
    UUID id = UUID.randomUUID();
    Instant t = Instant.now();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(
            new WorkspaceView(
                id,
                "alpha",
                null,
                ALICE,
                WorkspaceFixtures.DEFAULT_TEMPLATE,
                2,
                false,
                Retention.DESTROY,
                t.plus(Duration.ofHours(5)),
                status,
                null,
                t,
                t,
                List.of(),
                List.of(),
                null,
                null));

    String warning =
        Html.text(
            mvc.perform(get("/workspaces/" + id).with(alice()))
                .andReturn()
                .getResponse()
                .getContentAsString());

    if (status == WorkspaceStatus.STOPPED) {
      assertThat(warning)
          .contains(
              "Expires in 5 hours",
              "After that, starting it again waits for an admin to approve more time; its"
                  + " notebooks and data are kept.")
          .doesNotContain("It then stops");
    } else {
      assertThat(warning)
          .contains(
              "Expires in 5 hours",
              "It then stops: its notebooks and data are kept, and it can be started again once an"
                  + " admin approves more time.");
    }
  }

  private static WorkspaceView rejected(UUID id) {
    Instant t = Instant.parse("2026-01-02T03:04:05Z");
    return new WorkspaceView(
        id,
        "alpha",
        null,
        ALICE,
        WorkspaceFixtures.DEFAULT_TEMPLATE,
        2,
        false,
        Retention.DESTROY,
        null,
        WorkspaceStatus.REJECTED,
        "Too big for now",
        t,
        t,
        List.of(),
        List.of(),
        null,
        null);
  }
}
