package org.workspaceportal.workspace.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * The files of a cluster's notebook (everything under Jupyter's root), as {@link ClusterRuntime}
 * reads them for a save and writes them back before the notebook starts.
 */
public final class NotebookFiles {

  private NotebookFiles() {}

  /**
   * A regular file or a folder under Jupyter's root.
   *
   * @param path relative, {@code /} between names, never {@code ..}
   * @param size bytes; 0 for a folder
   * @param modified last modification, to the second
   * @param mode permission bits
   */
  public record Entry(String path, long size, Instant modified, int mode, boolean directory) {}

  /** Gets each file and folder read, with its content (read it or leave it: it is skipped). */
  @FunctionalInterface
  public interface Reader {
    void entry(Entry entry, InputStream content) throws IOException;
  }

  /** A file or folder to write back, and where its content comes from. */
  public interface Source {
    Entry entry();

    /** Exactly {@link Entry#size()} bytes; opened once, when it is written. */
    InputStream open() throws IOException;
  }
}
