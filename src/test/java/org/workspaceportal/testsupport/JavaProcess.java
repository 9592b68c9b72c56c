package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Spring Boot application a test runs as a process of its own (a second portal instance, the OIDC
 * provider): this test JVM's Java, its settings as {@code SPRING_APPLICATION_JSON}, its output in
 * {@code target/portal-processes/<name>.log}, ready once {@code readiness} answers 200.
 */
final class JavaProcess implements AutoCloseable {

  private static final Path LOGS = Path.of("target", "portal-processes");

  private final String description;
  private final Process process;
  private final Path log;

  private JavaProcess(String description, Process process, Path log) {
    this.description = description;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code java <jvmArguments>} with {@code settings} and returns once {@code readiness}
   * answers 200 (stopping the process and throwing, with its log's end, if it ends or is not ready
   * within {@code timeout}).
   */
  static JavaProcess start(
      String name,
      String description,
      List<String> jvmArguments,
      Map<String, ?> settings,
      URI readiness,
      Duration timeout) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArguments);
    try {
      Files.createDirectories(LOGS);
      Path log = LOGS.resolve(name + ".log");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      builder
          .environment()
          .put(
              "SPRING_APPLICATION_JSON", JsonMapper.builder().build().writeValueAsString(settings));
      JavaProcess started = new JavaProcess(description, builder.start(), log);
      try {
        started.awaitReady(readiness, timeout);
      } catch (RuntimeException | Error e) {
        started.close();
        throw e;
      }
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + description, e);
    }
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook runs. Returns once the process is gone. */
  void killHard() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException(description + " did not end within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The last {@code lines} lines of its log, for failure messages. */
  String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log at " + log + ": " + e + ")";
    }
  }

  Path log() {
    return log;
  }

  /** SIGTERM, as an operator would stop it; SIGKILL if it has not ended 30 s later. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        killHard();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      killHard();
    }
  }

  private void awaitReady(URI readiness, Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe = HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            description + " ended with exit code " + process.exitValue() + ":\n" + logTail(60));
      }
      try {
        if (http.send(probe, BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Pause.sleep(250);
    }
    throw new IllegalStateException(
        description + " was not ready within " + timeout + ":\n" + logTail(60));
  }
}
