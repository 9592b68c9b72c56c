package org.workspaceportal.workspace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.workspaceportal.testsupport.Pause.sleep;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.testsupport.DockerCli;
import org.workspaceportal.testsupport.Requirement;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;

/**
 * The notebook role of this checkout's image puts the example notebooks into the user's notebook
 * folder where they are missing, and never over a copy the user has (edited): a container started
 * by hand, no cluster needed.
 */
@RequiresDocker
class ExampleNotebooksCopyTest {

  private static final String LABEL = "org.workspaceportal.test=example-notebooks-copy";
  private static final Path SOURCES = Path.of("deploy/workspace-image/notebooks");

  private String image;
  private final String volume =
      "examples-copy-" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);

  @BeforeEach
  void imageOfThisCheckout() {
    image = LiveWorkspaces.imageOfThisCheckout();
    Requirement.require(
        "the workspace image of this checkout",
        DockerCli.run("image", "inspect", "--format", "{{.Id}}", image).exitCode() == 0
            ? null
            : "the engine lacks " + image + " (sudo deploy/workspace-image/build-offline.sh)");
  }

  @AfterEach
  void removeContainerAndVolume() {
    // containers, then volumes (one in use cannot go)
    DockerCli.removeLabelled(LABEL);
  }

  @Test
  void theNotebookRoleCopiesTheExamplesInWhereMissingButNeverOverAUsersCopy() throws IOException {
    assertThat(DockerCli.run("volume", "create", "--label", LABEL, volume).exitCode()).isZero();
    DockerCli.Result edited =
        DockerCli.run(
            "run",
            "--rm",
            "--label",
            LABEL,
            "-v",
            volume + ":/home/spark/work",
            image,
            "bash",
            "-c",
            "mkdir -p /home/spark/work/examples"
                + " && echo 'my own KMeans' > /home/spark/work/examples/kmeans.ipynb");
    assertThat(edited.exitCode()).as(edited.output()).isZero();

    String container = volume;
    DockerCli.Result started =
        DockerCli.run(
            "run",
            "-d",
            "--name",
            container,
            "--label",
            LABEL,
            "--network",
            "host",
            "-v",
            volume + ":/home/spark/work",
            "-e",
            "WORKSPACE_ROLE=notebook",
            "-e",
            "SPARK_AUTH_SECRET=a-secret-for-this-test",
            "-e",
            "SPARK_BIND_ADDRESS=127.0.0.1",
            "-e",
            "SPARK_MASTER_URL=spark://127.0.0.1:7077",
            "-e",
            "JUPYTER_TOKEN=a-token-for-this-test",
            "-e",
            "JUPYTER_PORT=" + freePort(),
            image);
    assertThat(started.exitCode()).as(started.output()).isZero();

    String copied = "example notebooks in /home/spark/work/examples (1 copied now)";
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!DockerCli.run("logs", container).output().contains(copied)
        && Instant.now().isBefore(deadline)) {
      sleep(250);
    }
    assertThat(DockerCli.run("logs", container).output()).contains(copied);
    String reddit = "/home/spark/work/examples/reddit-top-authors.ipynb";
    assertThat(DockerCli.run("exec", container, "cat", reddit).output())
        .isEqualTo(Files.readString(SOURCES.resolve("reddit-top-authors.ipynb")));
    assertThat(
            DockerCli.run("exec", container, "cat", "/home/spark/work/examples/kmeans.ipynb")
                .output())
        .isEqualTo("my own KMeans\n");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
