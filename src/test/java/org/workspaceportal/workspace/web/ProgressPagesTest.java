package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.StorageInfo;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;

/**
 * Issue 23, item 3: while a workspace starts, one progress line at the top and its steps above the
 * rest; once it is done, the last operation's steps at the bottom, folded, in one line.
 */
@PageSliceTest
class ProgressPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final Instant T = Instant.parse("2026-12-04T19:00:00Z");

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;

  private String page(WorkspaceStatus status, List<StepView> steps) throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView ws =
        WorkspaceFixtures.with(WorkspaceFixtures.view(id, "alpha", ALICE, status), steps, null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(ws);
    when(credentials.storageInfo(id, ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo("acc", "alpha-b", "PSFBKEY", "http://s3", null, null, true)));
    return mvc.perform(get("/workspaces/" + id).with(user(ALICE).roles("USER")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static StepView done(Operation op, StepKind kind, int from, int to) {
    return new StepView(
        op,
        kind,
        kind.label(),
        StepStatus.SUCCEEDED,
        1,
        T.plusSeconds(from),
        T.plusSeconds(to),
        (to - from) * 1000L,
        null,
        null,
        null);
  }

  @Test
  void whileStartingOneLineAtTheTopSaysWhereItStandsAndTheStepsComeFirst() throws Exception {
    when(workspaces.typicalDurations())
        .thenReturn(Map.of(StepKind.NOTEBOOK_READY, Duration.ofSeconds(20)));
    StepView waiting =
        new StepView(
            Operation.PROVISION,
            StepKind.NOTEBOOK_READY,
            StepKind.NOTEBOOK_READY.label(),
            StepStatus.WAITING,
            0,
            Instant.now().minusSeconds(12),
            null,
            null,
            null,
            "waiting for the notebook to answer",
            Instant.now().minusSeconds(12));
    String html =
        page(
            WorkspaceStatus.PROVISIONING,
            List.of(
                done(Operation.PROVISION, StepKind.ACCOUNT, 0, 1),
                done(Operation.PROVISION, StepKind.NOTEBOOK, 1, 2),
                waiting,
                WorkspaceFixtures.step(StepKind.WORKERS, StepStatus.PENDING, null, null)));

    assertThat(Html.text(html))
        .containsPattern(
            "Step 3 of 4 · Waiting for the notebook to answer · 1[0-9]\\.?[0-9]* s so far, usually"
                + " ~20 s")
        .doesNotContain("Waiting: waiting");
    int line = html.indexOf("id=\"progress-line\"");
    assertThat(line).isPositive().isLessThan(html.indexOf("id=\"steps\""));
    assertThat(html.indexOf("id=\"steps\"")).isLessThan(html.indexOf("id=\"storage\""));
    assertThat(html).containsPattern("<details class=\"mb-4\" id=\"progress\" open");
  }

  @Test
  void theLivePartTheBrowserFetchesCarriesTheProgressLineAndTheSteps() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView ws =
        WorkspaceFixtures.with(
            WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.PROVISIONING),
            List.of(
                done(Operation.PROVISION, StepKind.ACCOUNT, 0, 1),
                WorkspaceFixtures.step(
                    StepKind.PLACE,
                    StepStatus.WAITING,
                    StepView.WAITING_FOR_ROOM
                        + " (Not enough free room on the hosts now: needs 1"
                        + " core and 1.0 GB on one host (worker-1); free: local 0 cores and 0.5 GB.)",
                    T)),
            null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(ws);

    var response =
        mvc.perform(
                get("/workspaces/" + id)
                    .header("HX-Request", "true")
                    .with(user(ALICE).roles("USER")))
            .andReturn()
            .getResponse();

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(Html.text(response.getContentAsString()))
        .contains("Step 2 of 2 · Waiting for room on the hosts · ")
        .contains("Waiting for room on the hosts (Not enough free room on the hosts now: needs 1")
        .contains("Waiting for room on the hosts since 19:00 UTC");
  }

  @Test
  void onceDoneTheLastOperationIsSummedUpInOneLineAtTheBottom() throws Exception {
    String html =
        page(
            WorkspaceStatus.READY,
            List.of(
                done(Operation.PROVISION, StepKind.ACCOUNT, -600, -599),
                done(Operation.RESIZE, StepKind.PLACE, 0, 1),
                done(Operation.RESIZE, StepKind.WORKERS, 1, 5),
                done(Operation.RESIZE, StepKind.WORKERS_READY, 5, 14)));

    assertThat(html).doesNotContain("id=\"progress-line\"");
    assertThat(Html.text(html)).contains("Resizing: all 3 steps done in 14 s");
    assertThat(html.indexOf("id=\"steps\"")).isGreaterThan(html.indexOf("id=\"details\""));
    assertThat(html).doesNotContain("data-step=\"ACCOUNT\"");
    assertThat(html).containsPattern("<details class=\"mb-4 mt-4 phone-later\" id=\"progress\">");
  }

  @Test
  void theHistoryShowsItsLastThreeEntriesAndTheRestOneTapAway() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView v = WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.READY);
    List<WorkspaceView.HistoryEntry> five =
        List.of(
            new WorkspaceView.HistoryEntry(null, WorkspaceStatus.PENDING_APPROVAL, ALICE, null, T),
            new WorkspaceView.HistoryEntry(
                WorkspaceStatus.PENDING_APPROVAL, WorkspaceStatus.APPROVED, "root", null, T),
            new WorkspaceView.HistoryEntry(
                WorkspaceStatus.APPROVED, WorkspaceStatus.PROVISIONING, "portal", null, T),
            new WorkspaceView.HistoryEntry(
                WorkspaceStatus.PROVISIONING, WorkspaceStatus.READY, "portal", null, T),
            new WorkspaceView.HistoryEntry(
                WorkspaceStatus.READY, WorkspaceStatus.RESIZING, ALICE, "2 → 3 workers", T));
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(
            new WorkspaceView(
                id,
                v.name(),
                null,
                ALICE,
                v.template(),
                2,
                false,
                v.retention(),
                null,
                WorkspaceStatus.READY,
                null,
                T,
                T,
                five,
                List.of(),
                null,
                null));

    String html = pageOf(id);

    assertThat(html.split("history-older d-none", -1)).hasSize(3); // the two oldest hidden
    assertThat(html)
        .containsPattern("<tr data-to=\"PENDING_APPROVAL\" class=\"history-older d-none\">")
        .containsPattern("<tr data-from=\"READY\" data-to=\"RESIZING\">")
        .contains("data-show-all=\"#history .history-older\">Show all 5 entries</button>");
  }

  @Test
  void moreTimeIsOfferedOnlyWhenTheExpiryNears() throws Exception {
    UUID far = UUID.randomUUID();
    UUID near = UUID.randomUUID();
    for (UUID id : List.of(far, near)) {
      WorkspaceView v = WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.READY);
      Instant expires = Instant.now().plus(id == far ? Duration.ofDays(60) : Duration.ofHours(3));
      when(workspaces.get(id, ALICE_USER))
          .thenReturn(
              new WorkspaceView(
                  id,
                  v.name(),
                  null,
                  ALICE,
                  v.template(),
                  2,
                  false,
                  v.retention(),
                  expires,
                  WorkspaceStatus.READY,
                  null,
                  v.createdAt(),
                  v.updatedAt(),
                  v.history(),
                  List.of(),
                  null,
                  null));
    }

    String farPage = pageOf(far);
    String nearPage = pageOf(near);

    assertThat(farPage).doesNotContain("id=\"extension\"");
    assertThat(nearPage).contains("id=\"extension\"").contains("id=\"extension-form\"");
  }

  private String pageOf(UUID id) throws Exception {
    return mvc.perform(get("/workspaces/" + id).with(user(ALICE).roles("USER")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
