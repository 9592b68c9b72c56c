package org.workspaceportal.compute;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The embedded default's way to the workspace image: when the local engine lacks the image the
 * default template names, the portal runs the repository's offline build
 * (deploy/workspace-image/build-offline.sh) against that engine, once, in the background, so that
 * {@code ./mvnw spring-boot:run} alone leads to a notebook. Where it cannot (not the embedded
 * default, no root, no debootstrap, no script), it says exactly which command to run instead.
 */
@Component
public class OfflineImageBuild {

  /** The image the offline build makes (its moving alias), which the default template names. */
  public static final String IMAGE = "workspace-portal/spark:4.0";

  static final String SCRIPT = "deploy/workspace-image/build-offline.sh";
  private static final int KEEP_LINES = 20;

  private final Environment environment;
  private final Map<String, Build> builds = new ConcurrentHashMap<>();

  OfflineImageBuild(Environment environment) {
    this.environment = environment;
  }

  /** Whether this is the image the offline build makes. */
  public boolean makes(String image) {
    return IMAGE.equals(image);
  }

  /** Null when the portal can build the image on this engine itself, else the command to run. */
  public String whyNot(EngineEndpoint endpoint) {
    String command = "sudo " + SCRIPT + " --if-missing";
    if (!"unix".equals(endpoint.uri().getScheme())) {
      return "build it on that host with " + command + " (from a checkout of the portal)";
    }
    if (!environment.getProperty("portal.embedded-postgres.running", Boolean.class, false)) {
      return "build it with " + command;
    }
    if (!Files.isExecutable(Path.of(SCRIPT))) {
      return "build it with " + command + " from a checkout of the portal";
    }
    if (!"root".equals(System.getProperty("user.name"))
        || !Files.isExecutable(Path.of("/usr/sbin/debootstrap"))) {
      return "build it once with "
          + command
          + " (the portal runs without root or debootstrap, so it cannot build it itself)";
    }
    return null;
  }

  /**
   * Starts the build on this (local) engine on the first call; says where it stands on the next.
   * Only call when {@link #whyNot} is null.
   */
  public PullStatus build(EngineEndpoint endpoint) {
    Build build = builds.computeIfAbsent(endpoint.uri().toString(), uri -> Build.start(uri));
    PullStatus status = build.status();
    if (status.state() != PullStatus.State.RUNNING) {
      builds.remove(endpoint.uri().toString(), build);
    }
    return status;
  }

  /** Where a build on this engine stands while one runs; null when none does. */
  public PullStatus running(EngineEndpoint endpoint) {
    Build build = builds.get(endpoint.uri().toString());
    PullStatus status = build == null ? null : build.status();
    return status != null && status.state() == PullStatus.State.RUNNING ? status : null;
  }

  /** One run of the build script, its last lines kept for progress and failures. */
  private static final class Build {
    private final Process process;
    private final Deque<String> lines = new ArrayDeque<>();

    private Build(Process process) {
      this.process = process;
      Thread.ofVirtual()
          .name("offline-image-build")
          .start(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                      lines.addLast(line);
                      if (lines.size() > KEEP_LINES) {
                        lines.removeFirst();
                      }
                    }
                  }
                } catch (IOException e) {
                  // the process ended; its exit code tells
                }
              });
    }

    static Build start(String dockerHost) {
      try {
        ProcessBuilder builder =
            new ProcessBuilder(SCRIPT, "--if-missing").redirectErrorStream(true);
        builder.environment().put("DOCKER_HOST", dockerHost);
        return new Build(builder.start());
      } catch (IOException e) {
        throw new ComputeException("could not start " + SCRIPT + ": " + e.getMessage(), false, e);
      }
    }

    PullStatus status() {
      String last;
      synchronized (lines) {
        last = lines.isEmpty() ? "starting" : lines.peekLast();
      }
      if (process.isAlive()) {
        return PullStatus.running(last);
      }
      if (process.exitValue() == 0) {
        return PullStatus.done();
      }
      synchronized (lines) {
        return PullStatus.failed(
            SCRIPT + " failed (exit " + process.exitValue() + "): " + String.join(" | ", lines));
      }
    }
  }
}
