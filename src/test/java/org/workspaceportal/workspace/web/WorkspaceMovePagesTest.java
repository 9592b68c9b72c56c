package org.workspaceportal.workspace.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.workspaceportal.Html;
import org.workspaceportal.PageSliceTest;
import org.workspaceportal.identity.CurrentUser;
import org.workspaceportal.identity.RealSecurityTestConfiguration;
import org.workspaceportal.workspace.MoveOffer;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.WorkspaceMoves;
import org.workspaceportal.workspace.WorkspaceService;
import org.workspaceportal.workspace.WorkspaceStatus;

/**
 * A workspace whose notebook's host does not answer: its page says so, offers to start it on other
 * hosts from the last save (saying when that was, and that what came after is lost), and asks
 * before it does.
 */
@PageSliceTest
class WorkspaceMovePagesTest {

  private static final String ALICE = RealSecurityTestConfiguration.USER;
  private static final CurrentUser ALICE_USER = new CurrentUser(ALICE, false);
  private static final Instant SAVED = Instant.now().minus(Duration.ofMinutes(5));
  private static final String SAVED_CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(SAVED);
  private static final String SAVED_FULL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(SAVED);

  @Autowired MockMvc mvc;
  @Autowired WorkspaceService workspaces;
  @Autowired WorkspaceMoves moves;

  private static RequestPostProcessor alice() {
    return user(ALICE).roles("USER");
  }

  private String unreachablePage(UUID id, Optional<MoveOffer> offer) throws Exception {
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.UNREACHABLE));
    when(moves.offer(id, ALICE_USER)).thenReturn(offer);
    return mvc.perform(get("/workspaces/" + id).with(alice()))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void aLostNotebookHostIsNamedWithTheLastSaveAndAMoveThatAsksFirst() throws Exception {
    UUID id = UUID.randomUUID();
    MoveOffer offer = new MoveOffer(List.of("h2"), "h2", SAVED);

    String html = unreachablePage(id, Optional.of(offer));

    assertThat(Html.text(html))
        .contains("The host holding the notebook, h2 , does not answer.")
        .contains("from its notebooks' last save, taken 5 minutes ago ( " + SAVED_CLOCK + " UTC )")
        .contains("What changed after that save is lost , even if the host comes back");
    assertThat(html)
        .contains("action=\"/workspaces/" + id + "/move\"")
        .contains(
            "data-confirm=\"Host h2 does not answer: the notebooks come back from their save of "
                + SAVED_FULL
                + " UTC; what changed on h2 after it is lost. Start it on other hosts now?\"");
    Html.assertEveryPostFormCarriesACsrfToken(html);
  }

  @Test
  void noMoveIsOfferedOnceEveryHostAnswersAgain() throws Exception {
    String html = unreachablePage(UUID.randomUUID(), Optional.empty());

    assertThat(html).doesNotContain("/move\"").doesNotContain("id=\"move-offer\"");
  }

  @Test
  void aNotebookNeverSavedIsSaidPlainly() throws Exception {
    String html =
        unreachablePage(UUID.randomUUID(), Optional.of(new MoveOffer(List.of("h2"), "h2", null)));

    assertThat(Html.text(html)).contains("its notebooks were never saved, so Jupyter starts");
  }

  @Test
  void confirmingTheMoveFollowsItOnThePage() throws Exception {
    UUID id = UUID.randomUUID();
    when(moves.move(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.MOVING));

    MvcResult moved =
        mvc.perform(post("/workspaces/" + id + "/move").with(alice()).with(csrf())).andReturn();

    assertThat(moved.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(Html.flash(moved).get("flash").toString())
        .startsWith("Moving 'alpha' to hosts that answer");
  }

  @Test
  void aMoveThatIsNoLongerPossibleIsRefusedWithItsReason() throws Exception {
    UUID id = UUID.randomUUID();
    when(moves.move(id, ALICE_USER))
        .thenThrow(
            new WorkspaceMoves.NotPossibleException(
                "alpha", "every host of its cluster answers again."));

    MvcResult refused =
        mvc.perform(post("/workspaces/" + id + "/move").with(alice()).with(csrf())).andReturn();

    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/workspaces/" + id);
    assertThat(Html.flash(refused).get("flashError").toString())
        .contains("cannot be moved to other hosts now: every host of its cluster answers again.");
  }

  @Test
  void aMoveWithoutTheFormsTokenIsRefusedBeforeTheService() throws Exception {
    UUID id = UUID.randomUUID();

    int status =
        mvc.perform(post("/workspaces/" + id + "/move").with(alice()))
            .andReturn()
            .getResponse()
            .getStatus();

    assertThat(status).isEqualTo(403);
    verify(moves, never()).move(id, ALICE_USER);
  }

  @Test
  void aMovingWorkspaceSaysWhatWasKeptAndIsFollowed() throws Exception {
    UUID id = UUID.randomUUID();
    when(workspaces.get(id, ALICE_USER))
        .thenReturn(WorkspaceFixtures.view(id, "alpha", ALICE, WorkspaceStatus.MOVING));

    String html =
        mvc.perform(get("/workspaces/" + id).with(alice()))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(Html.text(html))
        .contains("Moving to other hosts")
        .contains("Moving to hosts that answer.")
        .doesNotContain("??");
    assertThat(html).contains("every 10s");
  }
}
