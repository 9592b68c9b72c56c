package org.workspaceportal.compute;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Files copied out of and into a container's folder through its engine (no process runs in the
 * container for it, so it works on a container that was created and never started): what {@link
 * ContainerEngine#readFiles} hands out and {@link ContainerEngine#writeFiles} takes.
 */
public final class ContainerFiles {

  private ContainerFiles() {}

  /**
   * A regular file or a folder under the folder copied.
   *
   * @param path relative, with {@code /} between names, never {@code ..} or empty names
   * @param size bytes; 0 for a folder
   * @param modified last modification, to the second
   * @param mode permission bits (e.g. 0644)
   */
  public record Entry(String path, long size, Instant modified, int mode, boolean directory) {}

  /** Gets each entry read, with its content (empty for a folder), in the engine's order. */
  @FunctionalInterface
  public interface Reader {
    /** Reads what it needs of {@code content}; what it leaves unread is skipped. */
    void entry(Entry entry, InputStream content) throws IOException;
  }

  /** An entry to write, and where its content comes from (opened once, when it is written). */
  public interface Source {
    Entry entry();

    /** The content: exactly {@link Entry#size()} bytes (none for a folder). */
    InputStream open() throws IOException;
  }

  /**
   * Whether a relative path is one this portal writes or reads: no absolute path, no {@code ..},
   * {@code .} or empty name, nothing that is not printable. A name from a tenant's container that
   * fails this is skipped, never followed.
   */
  public static boolean safePath(String path) {
    if (path == null || path.isEmpty() || path.length() > 900 || path.startsWith("/")) {
      return false;
    }
    for (String name : path.split("/", -1)) {
      if (name.isEmpty() || name.equals(".") || name.equals("..")) {
        return false;
      }
    }
    return path.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }
}
