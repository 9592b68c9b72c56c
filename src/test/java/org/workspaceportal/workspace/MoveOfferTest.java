package org.workspaceportal.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a move keeps and loses, in the words its owner confirms and its history keeps. */
class MoveOfferTest {

  private static final Instant SAVED = Instant.parse("2026-12-05T10:42:31Z");

  @Test
  void aLostNotebookComesBackFromItsLastSaveAndWhatCameAfterIsLost() {
    MoveOffer offer = new MoveOffer(List.of("h2"), "h2", SAVED);

    assertThat(offer.consequence())
        .isEqualTo(
            "Host h2 does not answer: the notebooks come back from their save of 2026-12-05 10:42"
                + " UTC; what changed on h2 after it is lost.");
  }

  @Test
  void aNotebookNeverSavedIsSaidPlainly() {
    assertThat(new MoveOffer(List.of("h2"), "h2", null).consequence())
        .isEqualTo(
            "Host h2 does not answer: the notebooks were never saved, so Jupyter starts without"
                + " them; what was on h2 is lost.");
  }

  @Test
  void whenOnlyWorkersAreOnSilentHostsTheNotebooksAreSavedFirst() {
    MoveOffer offer = new MoveOffer(List.of("h2", "h3"), null, SAVED);

    assertThat(offer.notebookLost()).isFalse();
    assertThat(offer.consequence())
        .startsWith("Hosts h2, h3 do not answer")
        .contains("the notebooks are saved from the notebook's host first, as for a stop");
  }
}
