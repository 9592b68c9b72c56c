package org.workspaceportal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A portal whose start fails exits with a non-zero status, whatever it started before failing, so
 * that a supervisor (systemd, Docker, Kubernetes) sees the failure instead of a silent process.
 */
class StartupFailureTest {

  @Test
  void aStartThatFailsOnTheDatabaseExitsNonZeroAlthoughTheSimulatorWasAlreadyRunning(
      @TempDir Path dir) throws Exception {
    Path log = dir.resolve("portal.log");
    Process portal =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    PortalApplication.class.getName(),
                    // nothing listens on port 1: the database refuses the connection
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/portal",
                    "--spring.datasource.username=portal",
                    "--portal.secret-key=" + Base64.getEncoder().encodeToString(new byte[32]),
                    "--portal.data-dir=" + dir.resolve("data"),
                    "--portal.flashbladesim.persistent=false",
                    // asked for explicitly: with an external database it would not start by itself
                    "--portal.flashbladesim.enabled=true",
                    "--server.port=0",
                    "--server.address=127.0.0.1"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      // a generous bound, not a measurement: without the fix the process never ends
      boolean exited = portal.waitFor(4, TimeUnit.MINUTES);

      assertThat(exited).as("the portal process ended; its log:%n%s", read(log)).isTrue();
      assertThat(portal.exitValue()).isNotZero();
      assertThat(read(log)).contains("FlashBlade simulator running", "Application run failed");
    } finally {
      portal.destroyForcibly();
    }
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
