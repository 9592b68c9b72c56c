package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.ClusterView;
import org.workspaceportal.workspace.Operation;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.cluster.ClusterLogs;
import org.workspaceportal.workspace.cluster.ContainerLog;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.StorageInfo;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.quota.Quota;

/**
 * Issue 23, item 6: Open Jupyter on the list's rows as on the page (one fragment), a note while
 * workers still join, the credentials hint naming the file the download gives, and a resize's or
 * deletion's banner saying what happened and how long it took.
 */
@PageSliceTest
class DailyPathsPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final Instant T = Instant.parse("2026-12-04T19:00:00Z");
  private static final String JUPYTER = "http://ws-0123456789ab.localhost:8081/tree";

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;
  @Autowired ClusterLogs logs;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private String detail(WorkspaceView ws) throws Exception {
    when(workspaces.get(ws.id(), ALICE_USER)).thenReturn(ws);
    when(credentials.storageInfo(ws.id(), ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo("acc", "alpha-b", "PSFBKEY", "http://s3", null, null, true)));
    return mvc.perform(get("/workspaces/" + ws.id()).with(alice()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static WorkspaceView ready(List<StepView> steps, ClusterView cluster) {
    return WorkspaceFixtures.with(
        WorkspaceFixtures.view(UUID.randomUUID(), "alpha", ALICE, WorkspaceStatus.READY),
        steps,
        cluster);
  }

  private static StepView done(Operation operation, StepKind kind, Instant from, Instant to) {
    return new StepView(
        operation,
        kind,
        kind.label(),
        StepStatus.SUCCEEDED,
        1,
        from,
        to,
        to.toEpochMilli() - from.toEpochMilli(),
        null,
        null,
        null);
  }

  @Test
  void theListOffersOpenJupyterOnTheRowsWhoseNotebookAnswers() throws Exception {
    WorkspaceView running = WorkspaceFixtures.view("running", ALICE, WorkspaceStatus.READY);
    WorkspaceView stopped = WorkspaceFixtures.view("stopped", ALICE, WorkspaceStatus.STOPPED);
    List<WorkspaceView> mine = List.of(running, stopped);
    when(workspaces.list(any(), any(), any())).thenReturn(mine);
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 2, 16, 4));
    when(workspaces.linksOf(mine, ALICE_USER))
        .thenReturn(Map.of(running.id(), new ClusterView.Links(JUPYTER, "http://local:8080/")));

    String html =
        mvc.perform(get("/workspaces").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html.split("class=\"btn btn-primary open-jupyter", -1)).hasSize(2);
    assertThat(html)
        .containsPattern(
            "<a class=\"btn btn-primary open-jupyter btn-sm\" href=\"http://ws-0123456789ab\\.localhost:8081/tree\""
                + " target=\"_blank\" rel=\"noopener noreferrer\">Open Jupyter</a>");
    assertThat(html.indexOf("open-jupyter btn-sm"))
        .isBetween(html.indexOf("data-name=\"running\""), html.indexOf("data-name=\"stopped\""));
  }

  @Test
  void thePageOpensJupyterWithTheSameButtonAndSaysWhileWorkersStillJoin() throws Exception {
    ClusterView full = WorkspaceFixtures.cluster(false);
    ClusterView joining =
        new ClusterView(full.image(), 2, 1, true, full.members(), full.links(), false, false);

    String allThere = detail(ready(List.of(), full));
    String oneJoining = detail(ready(List.of(), joining));

    assertThat(allThere)
        .containsPattern(
            "<a class=\"btn btn-primary open-jupyter\" id=\"open-jupyter\"\\s+href=\"http://ws-0123456789ab\\.localhost:8081/tree\"")
        .doesNotContain("workers-joining");
    assertThat(Html.text(oneJoining))
        .contains("1 worker is still joining: Spark jobs wait until they do.");
  }

  @Test
  void theCredentialsHintNamesTheFileTheDownloadGives() throws Exception {
    String html = detail(ready(List.of(), WorkspaceFixtures.cluster(false)));

    assertThat(html).contains("set -a; . ./alpha.env; set +a").doesNotContain("./credentials.env");
    assertThat(html).contains("title=\"Saves alpha.env\"");
    assertThat(Html.text(html)).contains("S3 storage S3 endpoint");
  }

  @Test
  void aLogOpensAtItsNewestLineAndDownloadsWhole() throws Exception {
    WorkspaceView ws = ready(List.of(), WorkspaceFixtures.cluster(false));
    when(workspaces.get(ws.id(), ALICE_USER)).thenReturn(ws);
    when(logs.tail(ws.id(), "master", 200, ALICE_USER))
        .thenReturn(new ContainerLog("master", "local", "running", List.of("one", "two")));
    when(logs.full(ws.id(), "master", ALICE_USER))
        .thenReturn(new ContainerLog("master", "local", "running", List.of("l1", "l2", "l3")));

    String page =
        mvc.perform(get("/workspaces/" + ws.id() + "/logs/master").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var download =
        mvc.perform(get("/workspaces/" + ws.id() + "/logs/master/download").with(alice()))
            .andReturn()
            .getResponse();

    assertThat(page)
        .contains("data-newest-last=\"\"")
        .contains(
            "href=\"/workspaces/" + ws.id() + "/logs/master/download\">Download full log</a>");
    assertThat(download.getHeader("Content-Disposition"))
        .isEqualTo("attachment; filename=\"alpha-master.log\"");
    assertThat(download.getContentAsString()).isEqualTo("l1\nl2\nl3\n");
  }

  @Test
  void aRejectedRequestRequestedAgainIsShownAsHistoryNotAsASecondRequest() throws Exception {
    WorkspaceView rejected =
        at(WorkspaceFixtures.view("churn", ALICE, WorkspaceStatus.REJECTED), T);
    WorkspaceView again =
        at(
            WorkspaceFixtures.view("churn", ALICE, WorkspaceStatus.PENDING_APPROVAL),
            T.plusSeconds(60));
    WorkspaceView alone = at(WorkspaceFixtures.view("solo", ALICE, WorkspaceStatus.REJECTED), T);
    List<WorkspaceView> mine = List.of(again, rejected, alone);
    when(workspaces.list(any(), any(), any())).thenReturn(mine);
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 1, 16, 2));

    String html =
        mvc.perform(get("/workspaces").with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(html.split("class=\"superseded text-body-secondary\"", -1)).hasSize(2);
    assertThat(html.split("request-again\"", -1)).as("only the one not requested again").hasSize(2);
    int oldRow = html.indexOf("class=\"superseded");
    assertThat(html.indexOf("requested again since", oldRow)).isPositive();
    assertThat(html.indexOf("/workspaces/new?from=" + alone.id())).isPositive();
    assertThat(html).doesNotContain("/workspaces/new?from=" + rejected.id());
  }

  private static WorkspaceView at(WorkspaceView v, Instant created) {
    return new WorkspaceView(
        v.id(),
        v.name(),
        v.description(),
        v.owner(),
        v.template(),
        v.workers(),
        v.datahub(),
        v.retention(),
        v.expiresAt(),
        v.status(),
        v.statusReason(),
        created,
        created,
        v.history(),
        v.steps(),
        v.cluster(),
        null);
  }

  @Test
  void aPendingRequestSaysHowLongSettingUpUsuallyTakes() throws Exception {
    String text =
        Html.text(
            detail(
                WorkspaceFixtures.view(
                    UUID.randomUUID(), "alpha", ALICE, WorkspaceStatus.PENDING_APPROVAL)));

    assertThat(text).contains("usually in under a minute").doesNotContain("few minutes");
  }

  @Test
  void aResizeThatWentThroughEndsInHowLongItTook() throws Exception {
    List<StepView> resized =
        List.of(
            done(Operation.PROVISION, StepKind.NOTEBOOK, T.minusSeconds(600), T.minusSeconds(590)),
            done(Operation.RESIZE, StepKind.PLACE, T, T.plusSeconds(1)),
            done(Operation.RESIZE, StepKind.WORKERS_READY, T.plusSeconds(2), T.plusSeconds(14)));

    String text = Html.text(detail(ready(resized, WorkspaceFixtures.cluster(false))));

    assertThat(text).contains("Resized to 2 workers in 14 s.");
  }

  @Test
  void aResizeStillRunningOrAProvisioningSaysNothingOfResizing() throws Exception {
    List<StepView> provisioned =
        List.of(done(Operation.PROVISION, StepKind.NOTEBOOK, T, T.plusSeconds(3)));

    assertThat(detail(ready(provisioned, WorkspaceFixtures.cluster(false))))
        .doesNotContain("id=\"resized\"");
  }

  @Test
  void aDeletionEndsInHowLongItTook() throws Exception {
    WorkspaceView deleted =
        new WorkspaceView(
            UUID.randomUUID(),
            "alpha",
            null,
            ALICE,
            WorkspaceFixtures.DEFAULT_TEMPLATE,
            2,
            false,
            org.workspaceportal.storage.Retention.DESTROY,
            null,
            WorkspaceStatus.DELETED,
            null,
            T,
            T,
            List.of(
                new WorkspaceView.HistoryEntry(
                    null, WorkspaceStatus.PENDING_APPROVAL, ALICE, null, T),
                new WorkspaceView.HistoryEntry(
                    WorkspaceStatus.READY, WorkspaceStatus.DELETING, ALICE, null, T),
                new WorkspaceView.HistoryEntry(
                    WorkspaceStatus.DELETING, WorkspaceStatus.DELETED, "portal", null, T)),
            List.of(
                done(Operation.TEARDOWN, StepKind.REMOVE_CLUSTER, T, T.plusMillis(6000)),
                done(
                    Operation.TEARDOWN,
                    StepKind.REMOVE_ACCOUNT,
                    T.plusMillis(6000),
                    T.plusMillis(8200))),
            null,
            null);

    assertThat(Html.text(detail(deleted))).contains(" by " + ALICE + ", in 8.2 s.");
  }
}
