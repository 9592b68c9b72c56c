package org.workspaceportal.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.workspaceportal.storage.Retention;

class DeletionTermsTest {

  @Test
  void keepingTheBucketKeepsTheNotebooksInItAndSaysHowToReachThem() {
    DeletionTerms t = DeletionTerms.of(Retention.KEEP, true, false);
    assertThat(t.notebooks()).contains("saved one last time", ".workspace-files/", "stay there");
    assertThat(t.data()).contains("kept as it is", "a storage admin can give you a new one");
  }

  @Test
  void destroyingTheBucketDestroysTheNotebooksRecoverablyWithIt() {
    DeletionTerms t = DeletionTerms.of(Retention.DESTROY, true, true);
    assertThat(t.notebooks()).contains("saved one last time", "destroyed with it");
    assertThat(t.data())
        .contains("its bucket and its datahub", "can recover it (the notebooks too)");
  }

  @Test
  void eradicatingSavesNothingAndSaysToDownloadFirst() {
    DeletionTerms t = DeletionTerms.of(Retention.ERADICATE, true, false);
    assertThat(t.notebooks()).contains("not saved", "download what you need");
    assertThat(t.data()).contains("erased at once, for good");
  }

  @Test
  void aWorkspaceWithoutAClusterHasNoClusterOrNotebookSentence() {
    DeletionTerms t = DeletionTerms.of(Retention.KEEP, false, false);
    assertThat(t.cluster()).isNull();
    assertThat(t.notebooks()).isNull();
  }
}
