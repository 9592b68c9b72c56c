package org.workspaceportal.workspace.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.workspaceportal.workspace.runtime.NotebookFiles;

class ManifestTest {

  private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

  private static NotebookFiles.Entry file(String path, long size, Instant modified) {
    return new NotebookFiles.Entry(path, size, modified, 0644, false);
  }

  @Test
  void itsTextReadsBackAsTheSameEntriesWhateverTheNames() {
    Manifest m =
        Manifest.of(
            List.of(
                new NotebookFiles.Entry("a dir/ü", 0, T, 0755, true),
                file("a dir/ü/caf\u00e9 notes.txt", 12, T),
                file("tab\there%2F", 3, T.plusSeconds(1))));

    Manifest read = Manifest.parse(m.format());

    assertThat(read.entries()).isEqualTo(m.entries());
    assertThat(read.fileCount()).isEqualTo(2);
    assertThat(read.bytes()).isEqualTo(15);
  }

  @Test
  void aFileOfTheSameSizeAndTimeIsUnchangedUnlessItsTimeIsTheSecondOfTheLastSave() {
    Manifest saved = Manifest.of(List.of(file("a", 5, T), file("b", 5, T.plusSeconds(9))));
    Instant snapshot = T.plusSeconds(9).plusMillis(400);

    assertThat(saved.unchanged(file("a", 5, T), snapshot)).isTrue();
    assertThat(saved.unchanged(file("a", 6, T), snapshot)).as("size").isFalse();
    assertThat(saved.unchanged(file("a", 5, T.plusSeconds(1)), snapshot)).as("time").isFalse();
    assertThat(saved.unchanged(file("b", 5, T.plusSeconds(9)), snapshot))
        .as("written in the second the last save read it: it may have changed since")
        .isFalse();
    assertThat(saved.unchanged(file("c", 5, T), snapshot)).as("new").isFalse();
    assertThat(saved.unchanged(file("a", 5, T), null)).as("never saved").isFalse();
  }

  @Test
  void aRestoreWritesEveryFolderBeforeTheFiles() {
    Manifest m =
        Manifest.of(
            List.of(
                file("z/a.txt", 1, T),
                new NotebookFiles.Entry("z", 0, T, 0755, true),
                new NotebookFiles.Entry("a/b", 0, T, 0755, true),
                new NotebookFiles.Entry("a", 0, T, 0755, true)));

    assertThat(m.inWritingOrder())
        .extracting(NotebookFiles.Entry::path)
        .containsExactly("a", "a/b", "z", "z/a.txt");
  }
}
