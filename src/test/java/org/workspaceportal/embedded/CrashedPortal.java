package org.workspaceportal.embedded;

import java.nio.file.Path;

/**
 * A portal that dies the way {@code kill -9} kills it: it starts the embedded PostgreSQL, says so,
 * and halts the JVM at once (no shutdown hook runs), leaving the database running as an orphan.
 */
final class CrashedPortal {

  private CrashedPortal() {}

  public static void main(String[] args) {
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(args[0]), false, 0);
    System.out.println("started " + server.port() + " " + ProcessHandle.current().pid());
    System.out.flush();
    Runtime.getRuntime().halt(137);
  }
}
