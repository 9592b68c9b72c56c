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
import org.workspaceportal.workspace.PendingRequest;
import org.workspaceportal.workspace.StepView;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.StorageInfo;
import org.workspaceportal.workspace.engine.StepKind;
import org.workspaceportal.workspace.engine.StepStatus;
import org.workspaceportal.workspace.quota.Quota;
import org.workspaceportal.workspace.template.TemplateService;

/**
 * Issue 23, items 1 and 2: the page says how to run Spark with what the image declares it offers,
 * and waiting for room on the hosts is said where people look (top of the page, the list, the
 * approval card, the request form).
 */
@PageSliceTest
class WaitingAndOffersPagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final String ROOT = RealSecurityTestConfiguration.ADMIN;
  private static final Instant SINCE = Instant.parse("2026-12-04T19:19:30Z");
  private static final String WAIT =
      StepView.WAITING_FOR_ROOM
          + " (Not enough free room on the hosts now: needs 3 cores and 3.0 GB on one host"
          + " (notebook, master, worker-1); free: local 0 cores and 2.0 GB.)";

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;
  @Autowired TemplateService templates;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who)).andReturn().getResponse().getContentAsString();
  }

  private String readyPage(boolean pySpark) throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView ready =
        WorkspaceFixtures.with(
            WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.READY),
            List.of(),
            WorkspaceFixtures.cluster(pySpark));
    when(workspaces.get(id, ALICE_USER)).thenReturn(ready);
    when(credentials.storageInfo(id, ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo("acc", "alpha-b", "PSFBKEY", "http://s3", null, null, true)));
    return page("/workspaces/" + id, alice());
  }

  @Test
  void onAnImageWithoutPySparkThePageSaysToUseSparkSubmitAndPromisesNoSparkSession()
      throws Exception {
    String html = readyPage(false);

    assertThat(Html.text(html))
        .contains("This image has no PySpark, so Python has no spark session")
        .contains("spark-submit")
        .doesNotContain("this image has PySpark");
    assertThat(html)
        .contains(
            "!/opt/spark/bin/spark-submit --class"
                + " org.workspaceportal.examples.spark.RedditTopAuthorsJob"
                + " /opt/workspace/jobs/workspace-examples.jar --data s3a://alpha-b/examples/reddit")
        .doesNotContain("spark.read.json")
        .doesNotContain("snippet-pyspark");
  }

  @Test
  void onAnImageWithPySparkThePageSaysHowToGetTheSparkSession() throws Exception {
    String html = readyPage(true);

    // nothing in the image makes a session before the code does: the page promises none
    assertThat(Html.text(html))
        .contains(
            "this image has PySpark, and SparkSession.builder.getOrCreate() in a Python notebook"
                + " gives a spark session on your cluster")
        .doesNotContain("no PySpark")
        .doesNotContain("session is ready");
    assertThat(html)
        .contains(
            "from pyspark.sql import SparkSession\nspark = SparkSession.builder.getOrCreate()\ndf ="
                + " spark.read.json(&quot;s3a://alpha-b/comments/&quot;)")
        .doesNotContain("snippet-spark-submit");
  }

  @Test
  void aWorkspaceWaitingForRoomSaysSoAtTheTopWithWhatItNeedsAndWhatToDo() throws Exception {
    UUID id = UUID.randomUUID();
    WorkspaceView waiting =
        WorkspaceFixtures.with(
            WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.PROVISIONING),
            List.of(
                WorkspaceFixtures.step(StepKind.BUCKET, StepStatus.SUCCEEDED, null, SINCE),
                WorkspaceFixtures.step(StepKind.PLACE, StepStatus.WAITING, WAIT, SINCE)),
            null);
    when(workspaces.get(id, ALICE_USER)).thenReturn(waiting);

    String html = page("/workspaces/" + id, alice());
    String text = Html.text(html);

    assertThat(text)
        .contains("Waiting for room on the hosts since 19:19 UTC")
        .contains(
            "needs 3 cores and 3.0 GB on one host (notebook, master, worker-1); free: local 0"
                + " cores and 2.0 GB.")
        .contains("stop a workspace of yours that you do not need now, or ask an admin");
    // at the top: before the step table, the storage and the details
    assertThat(html.indexOf("id=\"waiting-for-room\""))
        .isPositive()
        .isLessThan(html.indexOf("id=\"details\""));
  }

  @Test
  void aWorkspaceWhosePlacementRanAtOnceSaysNothingOfWaiting() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(
            WorkspaceFixtures.with(
                WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.PROVISIONING),
                List.of(WorkspaceFixtures.step(StepKind.PLACE, StepStatus.RUNNING, null, SINCE)),
                null));

    assertThat(page("/workspaces/" + id, alice())).doesNotContain("waiting-for-room");
  }

  @Test
  void theListSaysWhichWorkspaceWaitsForRoom() throws Exception {
    WorkspaceView waiting =
        WorkspaceFixtures.view(UUID.randomUUID(), "waits", ALICE, WorkspaceStatus.PROVISIONING);
    WorkspaceView other =
        WorkspaceFixtures.view(UUID.randomUUID(), "other", ALICE, WorkspaceStatus.READY);
    List<WorkspaceView> mine = List.of(waiting, other);
    when(workspaces.list(any(), any(), any())).thenReturn(mine);
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 2, 16, 4));
    when(workspaces.waitingForRoom(mine))
        .thenReturn(
            Map.of(
                waiting.id(),
                WorkspaceFixtures.step(StepKind.PLACE, StepStatus.WAITING, WAIT, SINCE)));

    String html = page("/workspaces", alice());

    assertThat(Html.text(html))
        .contains("Waiting for room on the hosts since 19:19 UTC: needs 3 cores and 3.0 GB");
    assertThat(html.split("waiting-for-room", -1)).hasSize(2); // one row only
    assertThat(html.indexOf("waiting-for-room"))
        .isBetween(html.indexOf("data-name=\"waits\""), html.indexOf("data-name=\"other\""));
  }

  @Test
  void theApprovalCardSaysWhetherItFitsNowOrWillQueue() throws Exception {
    var fits = WorkspaceFixtures.view("fits-now", "bob", WorkspaceStatus.PENDING_APPROVAL);
    var queues = WorkspaceFixtures.view("queues", "carol", WorkspaceStatus.PENDING_APPROVAL);
    Quota plenty = new Quota(5, 0, 16, 0);
    when(workspaces.approvalQueue())
        .thenReturn(
            List.of(
                new PendingRequest(fits, plenty, new PendingRequest.Room(null)),
                new PendingRequest(
                    queues, plenty, new PendingRequest.Room("needs 3 cores and 3.0 GB"))));

    String html = page("/admin/approvals", user(ROOT).roles("ADMIN", "USER"));
    String text = Html.text(html);

    assertThat(text)
        .contains("Its cluster fits on the hosts now: it starts at once.")
        .contains(
            "No room on the hosts now, so once approved it waits for room (needs 3 cores and 3.0"
                + " GB) and starts by itself when there is.");
    assertThat(html).contains("text-warning-emphasis\">");
  }

  @Test
  void theRequestFormSaysWhenTheHostsHaveNoRoomForWhatIsAsked() throws Exception {
    when(templates.enabledFor(any())).thenReturn(List.of(WorkspaceFixtures.defaultTemplate()));
    when(workspaces.quotaOf(ALICE)).thenReturn(new Quota(5, 0, 16, 0));
    when(workspaces.roomNowUpTo(WorkspaceFixtures.DEFAULT_TEMPLATE_ID)).thenReturn(1);

    String noRoom = page("/workspaces/new", alice()); // the default: 2 workers

    when(workspaces.roomNowUpTo(WorkspaceFixtures.DEFAULT_TEMPLATE_ID)).thenReturn(4);
    String room = page("/workspaces/new", alice());

    assertThat(noRoom)
        .contains("data-room=\"1\"")
        .contains("class=\"alert py-2 alert-warning\" id=\"request-summary\"")
        .contains("<span data-no-room=\"\"> The hosts have no room for that now");
    assertThat(room)
        .contains("data-room=\"4\"")
        .contains("class=\"alert py-2 alert-light border\" id=\"request-summary\"")
        .contains("<span data-no-room=\"\" hidden=\"hidden\">");
  }
}
