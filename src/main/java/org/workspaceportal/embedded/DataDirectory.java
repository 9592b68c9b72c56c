package org.workspaceportal.embedded;

import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * Where the embedded default keeps its state: {@code portal.data-dir} or {@code PORTAL_DATA_DIR}.
 */
final class DataDirectory {

  private DataDirectory() {}

  static Path of(Environment env) {
    String dir =
        env.getProperty("portal.data-dir", env.getProperty("PORTAL_DATA_DIR", ".portal-data"));
    return Path.of(dir);
  }
}
