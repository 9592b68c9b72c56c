package org.workspaceportal.testsupport;

import java.io.IOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * The test class needs a running Docker engine: its socket ({@code DOCKER_HOST=unix://…}, else
 * {@code /var/run/docker.sock}) answers {@code GET /_ping}, or failing that {@code docker info}
 * works (which also covers a TCP or TLS {@code DOCKER_HOST}). Checked before each test instance is
 * made, like {@link RequiresChromium}. See {@link Requirement} for skip-or-fail.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Check.class)
public @interface RequiresDocker {

  /** Skips, or fails under CI, when no engine answers. */
  final class Check implements TestInstancePreConstructCallback {

    private static final long TIMEOUT_SECONDS = 10;

    @Override
    public void preConstructTestInstance(
        TestInstanceFactoryContext factoryContext, ExtensionContext context) {
      Requirement.require("a Docker engine", Once.PROBLEM);
    }

    /**
     * Looked at once per JVM: a missing engine would otherwise cost every test the timeouts again.
     */
    private static final class Once {
      static final String PROBLEM = whatIsMissing();
    }

    /** Null when an engine answers, else what was tried. */
    private static String whatIsMissing() {
      Path socket = socketPath();
      if (socket != null && Files.exists(socket) && pingAnswers(socket)) {
        return null;
      }
      String cli = dockerInfoProblem();
      return cli == null
          ? null
          : (socket == null ? "" : socket + " does not answer GET /_ping and ") + cli;
    }

    private static Path socketPath() {
      String host = System.getenv("DOCKER_HOST");
      if (host == null || host.isBlank()) {
        return Path.of("/var/run/docker.sock");
      }
      return host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
    }

    private static boolean pingAnswers(Path socket) {
      CompletableFuture<Boolean> ping = CompletableFuture.supplyAsync(() -> ping(socket));
      try {
        return ping.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception e) {
        ping.cancel(true);
        return false;
      }
    }

    private static boolean ping(Path socket) {
      try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        channel.connect(UnixDomainSocketAddress.of(socket));
        channel.write(
            StandardCharsets.US_ASCII.encode("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"));
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        while (channel.read(buffer) >= 0 && buffer.hasRemaining()) {
          // HTTP/1.0: the engine closes the connection after the answer.
        }
        String answer = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        return answer.startsWith("HTTP/1.") && answer.contains(" 200 ") && answer.endsWith("OK");
      } catch (IOException e) {
        return false;
      }
    }

    /** Null if {@code docker info} succeeds, else what went wrong. */
    private static String dockerInfoProblem() {
      try {
        Process process =
            new ProcessBuilder("docker", "info", "--format", "{{.ServerVersion}}")
                .redirectErrorStream(true)
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          return "`docker info` did not answer within " + TIMEOUT_SECONDS + " s";
        }
        String output =
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return process.exitValue() == 0 ? null : "`docker info` failed: " + output;
      } catch (IOException e) {
        return "the docker CLI could not be run (" + e.getMessage() + ")";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "interrupted while running `docker info`";
      }
    }
  }
}
