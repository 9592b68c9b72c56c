package org.workspaceportal.compute.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.workspaceportal.compute.ContainerInfo;
import org.workspaceportal.compute.ContainerSpec;
import org.workspaceportal.compute.EngineEndpoint;
import org.workspaceportal.compute.NetworkInfo;
import org.workspaceportal.compute.NetworkSpec;
import org.workspaceportal.compute.VolumeSpec;
import org.workspaceportal.testsupport.RequiresDocker;
import org.workspaceportal.workspace.LiveWorkspaces;

/**
 * The engine adapter's "ensure" calls against a real engine: they make a container, a volume or a
 * network the first time (created first, without looking for it) and find the one made before every
 * later time, never a second one; a container found stopped is started again.
 */
@RequiresDocker
class DockerContainerEngineTest {

  private static final DockerProperties PROPERTIES =
      new DockerProperties(Duration.ofSeconds(3), Duration.ofSeconds(30), "1.41", 20);
  private static final EngineEndpoint ENGINE =
      EngineEndpoint.of(System.getenv().getOrDefault("DOCKER_HOST", "unix:///var/run/docker.sock"));

  private final DockerContainerEngine engine =
      new DockerContainerEngine(new DockerClients(PROPERTIES), new ImagePulls(), PROPERTIES);
  private final String name = "wsp-engine-test-" + UUID.randomUUID();
  private final Map<String, String> labels = Map.of("org.workspaceportal.test", name);

  @AfterEach
  void removeWhatWasMade() {
    engine.removeContainer(ENGINE, name);
    engine.removeNetwork(ENGINE, name);
    engine.volumes(ENGINE, labels).forEach(v -> engine.removeVolume(ENGINE, v));
  }

  @Test
  void aContainerIsMadeOnceStartedAndStartedAgainWhenFoundStopped() {
    ContainerSpec spec =
        new ContainerSpec(
            name,
            LiveWorkspaces.requireImageOfThisCheckout(),
            List.of(),
            labels,
            "none",
            "",
            List.of(),
            0,
            0,
            64L << 20,
            16,
            Map.of(),
            List.of(),
            List.of("sleep", "infinity"));

    ContainerInfo made = engine.ensureRunning(ENGINE, spec);
    assertThat(made.name()).isEqualTo(name);
    assertThat(engine.containers(ENGINE, labels))
        .as("the engine's own listing: one container, running, the one made")
        .singleElement()
        .satisfies(c -> assertThat(c.running()).isTrue())
        .satisfies(c -> assertThat(c.id()).isEqualTo(made.id()));

    ContainerInfo again = engine.ensureRunning(ENGINE, spec);
    assertThat(again.id()).isEqualTo(made.id());
    assertThat(again.running()).isTrue();

    engine.signal(ENGINE, name, "KILL");
    awaitStopped();
    ContainerInfo restarted = engine.ensureRunning(ENGINE, spec);
    assertThat(restarted.id()).as("the same container, started again").isEqualTo(made.id());
    assertThat(restarted.running()).isTrue();
    assertThat(engine.containers(ENGINE, labels)).hasSize(1);
  }

  @Test
  void aVolumeIsMadeOnceAndFoundWhenAskedForAgain() {
    VolumeSpec volume = new VolumeSpec(name, "local", Map.of(), labels);

    engine.ensureVolume(ENGINE, volume);
    engine.ensureVolume(ENGINE, volume);

    assertThat(engine.volumes(ENGINE, labels)).containsExactly(name);
  }

  @Test
  void aNetworkIsMadeOnceAndFoundWhenAskedForAgain() {
    int third = ThreadLocalRandom.current().nextInt(0, 256);
    NetworkSpec network =
        new NetworkSpec(name, "10.251." + third + ".0/24", "10.251." + third + ".1", labels);

    engine.ensureNetwork(ENGINE, network);
    engine.ensureNetwork(ENGINE, network);

    assertThat(engine.labelledNetworks(ENGINE, labels))
        .extracting(NetworkInfo::name)
        .containsExactly(name);
  }

  private void awaitStopped() {
    Instant deadline = Instant.now().plusSeconds(20);
    while (engine.containers(ENGINE, labels).stream().anyMatch(ContainerInfo::running)) {
      assertThat(Instant.now()).as("the killed container stops").isBefore(deadline);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
