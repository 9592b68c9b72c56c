package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.workspaceportal.compute.SparkContainers;
import org.workspaceportal.testsupport.DockerCli;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A workspace's notebook container, seen from the inside as its user sees it: commands run in it
 * with {@code docker exec} (so with its environment and Spark defaults), files read from it, and
 * the result line of the example jobs.
 */
public record NotebookContainer(String name) {

  /** Where the notebook role puts the image's example notebooks. */
  static final String EXAMPLES = SparkContainers.NOTEBOOK_DIR + "/examples";

  /** The example jobs' jar in the image. */
  static final String JAR = "/opt/workspace/jobs/workspace-examples.jar";

  /**
   * The arguments of a small run of one of the example jobs (it reads and writes the bucket), for
   * {@code spark-submit --name <name>} + this + a suffix of the data folder.
   */
  public static final String SMALL_JOB =
      " --class org.workspaceportal.examples.spark.RedditTopAuthorsJob "
          + JAR
          + " --comments 2000 --authors 50 --top 5 --data s3a://$S3_BUCKET/";

  static final JsonMapper JSON = JsonMapper.builder().build();

  static NotebookContainer of(UUID workspaceId) {
    return new NotebookContainer(SparkContainers.name(workspaceId, "notebook"));
  }

  /** {@code docker exec [options] <container> command...}, with a deadline of its own. */
  public DockerCli.Result exec(Duration timeout, List<String> options, String... command) {
    List<String> args = new ArrayList<>(List.of("docker", "exec"));
    args.addAll(options);
    args.add(name);
    args.addAll(List.of(command));
    return run(timeout, args);
  }

  public DockerCli.Result exec(Duration timeout, String... command) {
    return exec(timeout, List.of(), command);
  }

  /**
   * Whether a TCP connection from inside the container, as its user, to host:port opens within 3 s
   * (false when refused or never answered).
   */
  public boolean opens(String host, int port) {
    DockerCli.Result tried =
        bash(
            Duration.ofSeconds(30),
            "timeout 3 bash -c 'exec 3<>/dev/tcp/"
                + host
                + "/"
                + port
                + "' 2>/dev/null && echo OPEN || echo CLOSED");
    return tried.output().strip().equals("OPEN");
  }

  /** A shell command line in the container (so that it sees $S3_BUCKET and friends). */
  public DockerCli.Result bash(Duration timeout, String commandLine) {
    return exec(timeout, "bash", "-c", commandLine);
  }

  JsonNode readJson(String path) {
    DockerCli.Result cat = exec(Duration.ofSeconds(30), "cat", path);
    assertThat(cat.exitCode()).as(cat.output()).isZero();
    return JSON.readTree(cat.output());
  }

  public String tail(String path) {
    return exec(Duration.ofSeconds(30), "tail", "-n", "40", path).output();
  }

  /** The result an example job printed ({@code RESULT-JSON {...}}). */
  public static JsonNode resultOf(String output) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("RESULT-JSON "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no result line in: " + output));
    return JSON.readTree(line.substring("RESULT-JSON ".length()));
  }

  private static DockerCli.Result run(Duration timeout, List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      CompletableFuture<byte[]> out =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return process.getInputStream().readAllBytes();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return new DockerCli.Result(-1, "timed out after " + timeout + ": " + command);
      }
      return new DockerCli.Result(
          process.exitValue(), new String(out.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
