package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker command line, for tests to look at an engine independently of the code under test
 * (what containers exist, what a container can do from the inside) and to clean up after
 * themselves.
 */
public final class DockerCli {

  /** The image the portal's default template names, built by deploy/workspace-image. */
  public static final String WORKSPACE_IMAGE = "workspace-portal/spark:4.0";

  private DockerCli() {}

  /** Output and exit code of {@code docker args...} against the machine's engine. */
  public record Result(int exitCode, String output) {}

  public static Result run(String... args) {
    return runOn(null, args);
  }

  /** Runs docker against {@code host} ({@code -H}) when given. */
  public static Result runOn(String host, String... args) {
    List<String> command = new ArrayList<>();
    command.add("docker");
    if (host != null) {
      command.add("-H");
      command.add(host);
    }
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = process.getInputStream().readAllBytes();
      if (!process.waitFor(5, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Null when the machine's engine has the workspace image, else how to get it. */
  public static String workspaceImageMissing() {
    Result r = run("image", "inspect", "--format", "{{.Id}}", WORKSPACE_IMAGE);
    return r.exitCode() == 0
        ? null
        : "the engine lacks "
            + WORKSPACE_IMAGE
            + " (build it: sudo deploy/workspace-image/build-offline.sh --if-missing)";
  }

  /** Names of the containers (any state) with this label. */
  public static List<String> containersLabelled(String label) {
    Result r = run("ps", "-a", "--filter", "label=" + label, "--format", "{{.Names}}");
    return r.output().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Ids of the containers (any state) with this label. */
  public static List<String> containerIds(String label) {
    Result r = run("ps", "-a", "--no-trunc", "--filter", "label=" + label, "--format", "{{.ID}}");
    return r.output().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Names of the volumes with this label. */
  public static List<String> volumesLabelled(String label) {
    Result r = run("volume", "ls", "--filter", "label=" + label, "--format", "{{.Name}}");
    return r.output().lines().filter(l -> !l.isBlank()).toList();
  }

  /** Removes every container and volume with this label (a test cleaning up after a failure). */
  public static void removeLabelled(String label) {
    List<String> containers = containersLabelled(label);
    if (!containers.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
      args.addAll(containers);
      run(args.toArray(String[]::new));
    }
    List<String> volumes = volumesLabelled(label);
    if (!volumes.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("volume", "rm", "-f"));
      args.addAll(volumes);
      run(args.toArray(String[]::new));
    }
    // its network too: a test database starts empty, so its subnet is leased again at once, and
    // a network left on the engine with it makes the next cluster's "Pool overlaps"
    List<String> networks =
        run("network", "ls", "-q", "--filter", "label=" + label)
            .output()
            .lines()
            .filter(l -> !l.isBlank())
            .toList();
    if (!networks.isEmpty()) {
      List<String> args = new ArrayList<>(List.of("network", "rm"));
      args.addAll(networks);
      run(args.toArray(String[]::new));
    }
  }
}
