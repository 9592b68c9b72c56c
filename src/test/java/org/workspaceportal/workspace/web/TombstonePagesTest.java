package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.storage.Retention;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;
import org.workspaceportal.workspace.WorkspaceView;
import org.workspaceportal.workspace.WorkspaceView.HistoryEntry;
import org.workspaceportal.workspace.data.CredentialService;
import org.workspaceportal.workspace.data.StorageInfo;

/**
 * Issue 23, item 7: a deleted workspace's page is its tombstone: what was removed and when, what
 * can still be recovered until which date and how, and nothing to click that leads nowhere.
 */
@PageSliceTest
class TombstonePagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired CredentialService credentials;

  @BeforeEach
  void theArrayKeepsDestroyedDataForADay() {
    when(credentials.destroyedRecoverableFor()).thenReturn(Duration.ofHours(24));
  }

  private String page(WorkspaceView ws) throws Exception {
    when(workspaces.get(ws.id(), ALICE_USER)).thenReturn(ws);
    when(credentials.storageInfo(ws.id(), ALICE_USER))
        .thenReturn(
            Optional.of(
                new StorageInfo(
                    "acc-alpha", "alpha-b", "PSFBKEY", "http://s3", null, null, false)));
    return mvc.perform(get("/workspaces/" + ws.id()).with(user(ALICE).roles("USER")))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private static WorkspaceView deleted(Retention retention, Instant at, boolean approved) {
    WorkspaceStatus before = approved ? WorkspaceStatus.READY : WorkspaceStatus.PENDING_APPROVAL;
    List<HistoryEntry> history =
        approved
            ? List.of(
                new HistoryEntry(null, WorkspaceStatus.PENDING_APPROVAL, ALICE, null, at),
                new HistoryEntry(before, WorkspaceStatus.DELETING, ALICE, null, at),
                new HistoryEntry(
                    WorkspaceStatus.DELETING, WorkspaceStatus.DELETED, "portal", null, at))
            : List.of(
                new HistoryEntry(null, WorkspaceStatus.PENDING_APPROVAL, ALICE, null, at),
                new HistoryEntry(before, WorkspaceStatus.DELETED, ALICE, null, at));
    return new WorkspaceView(
        UUID.randomUUID(),
        "alpha",
        null,
        ALICE,
        WorkspaceFixtures.DEFAULT_TEMPLATE,
        2,
        false,
        retention,
        null,
        WorkspaceStatus.DELETED,
        null,
        at,
        at,
        history,
        List.of(),
        null,
        null);
  }

  @Test
  void aDestroyedWorkspaceSaysUntilWhenAndHowItsDataCanBeRecovered() throws Exception {
    Instant at = Instant.now().minus(Duration.ofHours(2));

    String html = page(deleted(Retention.DESTROY, at, true));
    String text = Html.text(html);

    assertThat(text)
        .contains("Deleted " + DAY.format(at))
        .contains("by " + ALICE)
        .contains("Removed: its Spark cluster and notebook (their containers and logs), its S3")
        .contains(
            "Its data can still be recovered until " + DAY.format(at.plus(Duration.ofHours(24))))
        .contains("The bucket alpha-b (account acc-alpha ) was destroyed, not erased")
        .contains("Recover");
    assertThat(html).contains("id=\"tombstone-recoverable\"");
  }

  @Test
  void nothingOnATombstoneLeadsNowhere() throws Exception {
    String html = page(deleted(Retention.DESTROY, Instant.now(), true));

    assertThat(html)
        .contains("id=\"tombstone\"")
        .doesNotContain("copy-btn")
        .doesNotContain("data-copy")
        .doesNotContain("/logs/")
        .doesNotContain("credentials.env")
        .doesNotContain("reveal-secret")
        .doesNotContain("id=\"delete\"")
        .doesNotContain("id=\"storage\"");
  }

  @Test
  void aDestroyedWorkspacePastTheArraysDelayIsGoneForGood() throws Exception {
    Instant at = Instant.now().minus(Duration.ofDays(3));

    String text = Html.text(page(deleted(Retention.DESTROY, at, true)));

    assertThat(text)
        .contains("Its data is gone for good.")
        .contains("could be recovered until " + DAY.format(at.plus(Duration.ofHours(24))))
        .doesNotContain("can still be recovered");
  }

  @Test
  void anErasedWorkspaceSaysNothingCanBeRecoveredAndAKeptOneWhereItsDataIs() throws Exception {
    String erased = Html.text(page(deleted(Retention.ERADICATE, Instant.now(), true)));
    String kept = Html.text(page(deleted(Retention.KEEP, Instant.now(), true)));

    assertThat(erased)
        .contains("Its data is gone for good.")
        .contains("erased at once")
        .contains("nothing can be recovered");
    assertThat(kept)
        .contains("Its data is kept.")
        .contains("The bucket alpha-b (account acc-alpha ) stays on the storage array")
        .contains("ask a storage admin for access")
        .doesNotContain("recovered");
  }

  @Test
  void aWithdrawnRequestSaysNothingWasEverCreated() throws Exception {
    String text = Html.text(page(deleted(Retention.DESTROY, Instant.now(), false)));

    assertThat(text)
        .contains("Withdrawn")
        .contains("Nothing was ever created for it")
        .doesNotContain("recovered");
  }
}
