package org.workspaceportal.compute.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Date;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.workspaceportal.compute.ComputeException;
import org.workspaceportal.compute.ContainerFiles;

/**
 * The Docker Engine's archive format (a tar stream) turned into {@link ContainerFiles} entries and
 * back, streamed: nothing is held in memory beyond a buffer, so a file of gigabytes passes through.
 *
 * <p>A tenant writes the folder being read: its names, sizes and kinds are hers. Only regular files
 * and folders with {@link ContainerFiles#safePath safe} names are handed on; links (which could
 * name anything on the host or in another folder), devices and pipes are skipped, so nothing she
 * makes can send the portal's reads or writes anywhere outside her own folder.
 */
final class ContainerArchives {

  private static final int PIPE_BUFFER = 1 << 20;

  private ContainerArchives() {}

  /**
   * Reads an archive of one folder; its first name (the folder itself) is left out of the paths.
   */
  static void read(InputStream tar, ContainerFiles.Reader reader) throws IOException {
    TarArchiveInputStream in = new TarArchiveInputStream(tar);
    TarArchiveEntry e;
    while ((e = in.getNextEntry()) != null) {
      // by its type flag, not isFile(): that is true of any entry whose name has no trailing slash
      boolean file =
          e.getLinkFlag() == TarArchiveEntry.LF_NORMAL
              || e.getLinkFlag() == TarArchiveEntry.LF_OLDNORM;
      if (!file && !e.isDirectory()) {
        continue; // a link, a device, a pipe: never followed, never saved
      }
      String name = e.getName();
      int slash = name.indexOf('/');
      String path = slash < 0 ? "" : name.substring(slash + 1);
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      if (path.isEmpty() || !ContainerFiles.safePath(path)) {
        continue; // the folder itself, or a name not followed
      }
      reader.entry(
          new ContainerFiles.Entry(
              path,
              e.isDirectory() ? 0 : e.getSize(),
              e.getModTime().toInstant(),
              e.getMode() & 07777,
              e.isDirectory()),
          in);
    }
  }

  /**
   * Writes the entries as a tar stream that {@code upload} reads (the engine's copy into a
   * container), on a thread of its own so that neither side holds more than a pipe's buffer.
   */
  static void write(
      Iterator<ContainerFiles.Source> files, int uid, int gid, Consumer<InputStream> upload) {
    AtomicReference<Throwable> failed = new AtomicReference<>();
    try (PipedInputStream tar = new PipedInputStream(PIPE_BUFFER)) {
      PipedOutputStream out = new PipedOutputStream(tar);
      Thread writer =
          Thread.ofVirtual()
              .name("container-archive-writer")
              .start(
                  () -> {
                    try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
                      t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                      t.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                      while (files.hasNext()) {
                        writeEntry(t, files.next(), uid, gid);
                      }
                      t.finish();
                    } catch (Throwable e) {
                      failed.set(e);
                      try {
                        out.close();
                      } catch (IOException ignored) {
                        // the reader sees the stream end early and the failure is thrown below
                      }
                    }
                  });
      upload.accept(tar);
      writer.join();
    } catch (IOException e) {
      throw new ComputeException("writing files into a container: " + e.getMessage(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComputeException("interrupted while writing files into a container", true);
    }
    Throwable f = failed.get();
    if (f != null) {
      throw f instanceof ComputeException c
          ? c
          : new ComputeException(
              "could not read the files to write into the container: " + f.getMessage(),
              !(f instanceof IllegalArgumentException));
    }
  }

  private static void writeEntry(
      TarArchiveOutputStream t, ContainerFiles.Source source, int uid, int gid) throws IOException {
    ContainerFiles.Entry e = source.entry();
    if (!ContainerFiles.safePath(e.path())) {
      throw new IllegalArgumentException("not a path to write: " + e.path());
    }
    TarArchiveEntry entry = new TarArchiveEntry(e.directory() ? e.path() + "/" : e.path());
    entry.setModTime(Date.from(e.modified()));
    entry.setMode((e.directory() ? 040000 : 0100000) | (e.mode() & 0777));
    entry.setUserId(uid);
    entry.setGroupId(gid);
    entry.setSize(e.directory() ? 0 : e.size());
    t.putArchiveEntry(entry);
    if (!e.directory()) {
      try (InputStream in = source.open()) {
        long copied = in.transferTo(t);
        if (copied != e.size()) {
          throw new IOException(
              e.path() + ": expected " + e.size() + " bytes, the source gave " + copied);
        }
      }
    }
    t.closeArchiveEntry();
  }
}
