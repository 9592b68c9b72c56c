package org.workspaceportal.compute.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerFiles;

/**
 * The Engine's tar streams as the portal reads and writes them: a tenant's folder may hold links,
 * devices and names made to climb out of it; none of them is handed on.
 */
class ContainerArchivesTest {

  private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

  @Test
  void onlyPlainFilesAndFoldersWithSafeNamesAreRead() throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      add(t, new TarArchiveEntry("work/"), null);
      add(t, new TarArchiveEntry("work/notes/"), null);
      add(t, file("work/notes/a.txt"), "hello");
      TarArchiveEntry link = new TarArchiveEntry("work/passwd", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("/etc/passwd");
      add(t, link, null);
      TarArchiveEntry hard = new TarArchiveEntry("work/hard", TarArchiveEntry.LF_LINK);
      hard.setLinkName("work/notes/a.txt");
      add(t, hard, null);
      add(t, new TarArchiveEntry("work/dev", TarArchiveEntry.LF_CHR), null);
      add(t, file("work/../../etc/cron.d/x"), "climb");
      add(t, file("work/notes/./b"), "dot");
    }

    Map<String, String> read = new LinkedHashMap<>();
    ContainerArchives.read(
        new ByteArrayInputStream(tar.toByteArray()),
        (e, in) ->
            read.put(
                e.path() + (e.directory() ? "/" : ""),
                new String(in.readAllBytes(), StandardCharsets.UTF_8)));

    assertThat(read).containsExactly(Map.entry("notes/", ""), Map.entry("notes/a.txt", "hello"));
  }

  @Test
  void whatIsWrittenReadsBackTheSame() throws IOException {
    List<ContainerFiles.Source> files =
        List.of(
            source(new ContainerFiles.Entry("d", 0, T, 0755, true), ""),
            source(new ContainerFiles.Entry("d/caf\u00e9 notes.txt", 5, T, 0640, false), "hello"),
            source(new ContainerFiles.Entry("run.sh", 3, T, 0755, false), "sh\n"));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    ContainerArchives.write(files.iterator(), 1080, 1080, in -> copy(in, written));

    // the Engine's archive of a folder names the folder first
    ByteArrayOutputStream asEngine = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(asEngine)) {
      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      var in =
          new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
              new ByteArrayInputStream(written.toByteArray()));
      TarArchiveEntry e;
      while ((e = in.getNextEntry()) != null) {
        assertThat(e.getLongUserId()).isEqualTo(1080);
        e.setName("work/" + e.getName());
        t.putArchiveEntry(e);
        in.transferTo(t);
        t.closeArchiveEntry();
      }
    }
    List<ContainerFiles.Entry> back = new ArrayList<>();
    ContainerArchives.read(
        new ByteArrayInputStream(asEngine.toByteArray()), (e, in) -> back.add(e));

    assertThat(back)
        .containsExactlyElementsOf(files.stream().map(ContainerFiles.Source::entry).toList());
  }

  @Test
  void aSourceThatGivesFewerBytesThanItSaidFailsTheWrite() {
    List<ContainerFiles.Source> files =
        List.of(source(new ContainerFiles.Entry("short", 10, T, 0644, false), "abc"));

    assertThatThrownBy(
            () ->
                ContainerArchives.write(
                    files.iterator(), 1080, 1080, in -> copy(in, new ByteArrayOutputStream())))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("short");
  }

  @Test
  void aNameThatClimbsOutIsNeverWritten() {
    List<ContainerFiles.Source> files =
        List.of(source(new ContainerFiles.Entry("../etc/x", 1, T, 0644, false), "x"));

    assertThatThrownBy(
            () ->
                ContainerArchives.write(
                    files.iterator(), 1080, 1080, in -> copy(in, new ByteArrayOutputStream())))
        .isInstanceOf(ComputeException.class)
        .hasMessageContaining("not a path to write");
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static TarArchiveEntry file(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setModTime(java.util.Date.from(T));
    return e;
  }

  private static void add(TarArchiveOutputStream t, TarArchiveEntry e, String content)
      throws IOException {
    byte[] bytes = content == null ? new byte[0] : content.getBytes(StandardCharsets.UTF_8);
    if (e.isFile()) {
      e.setSize(bytes.length);
    }
    t.putArchiveEntry(e);
    t.write(bytes);
    t.closeArchiveEntry();
  }

  private static ContainerFiles.Source source(ContainerFiles.Entry entry, String content) {
    return new ContainerFiles.Source() {
      @Override
      public ContainerFiles.Entry entry() {
        return entry;
      }

      @Override
      public InputStream open() {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
      }
    };
  }
}
