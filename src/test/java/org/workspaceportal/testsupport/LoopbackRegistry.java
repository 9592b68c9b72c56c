package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real image registry on this machine (Debian's {@code docker-registry}), one per JVM, so that a
 * test host without an image pulls it as a production host pulls from the site's registry. It
 * listens on every address of the machine, so that a second engine in a network namespace of its
 * own ({@link TlsDockerEngine}) reaches it at the machine's address there; the machine's engine
 * pushes to it on 127.0.0.1, from which engines pull over plain HTTP without extra configuration.
 */
public final class LoopbackRegistry {

  private static final String BINARY = "/usr/bin/docker-registry";
  private static LoopbackRegistry shared;

  private final Path dir;
  private final int port;
  private final Process process;

  /** The names this registry gave images on the machine's engine: untagged when it stops. */
  private final Set<String> tagged = ConcurrentHashMap.newKeySet();

  private LoopbackRegistry() throws IOException {
    dir = Files.createTempDirectory("portal-registry-");
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        version: 0.1
        log:
          level: warn
        storage:
          filesystem:
            rootdirectory: %s
          delete:
            enabled: true
        http:
          addr: 0.0.0.0:%d
        """
            .formatted(dir.resolve("data"), port));
    process =
        new ProcessBuilder(BINARY, "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("registry.log").toFile())
            .start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!accepts() && Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "docker-registry exited; see " + dir.resolve("registry.log"));
      }
      Pause.sleep(100);
    }
  }

  /** Null when the registry can run here, else what is missing. */
  public static String whatIsMissing() {
    return Files.isExecutable(Path.of(BINARY))
        ? null
        : "docker-registry is not installed (apt-get install docker-registry)";
  }

  public static synchronized LoopbackRegistry shared() {
    if (shared == null) {
      try {
        shared = new LoopbackRegistry();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      LoopbackRegistry registry = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(registry::stop, "registry-stop"));
    }
    return shared;
  }

  /**
   * The name an engine that reaches this machine at {@code machineAddress} pulls {@code image} (a
   * name {@link #push} returned) by. The machine's engine gets the same name as a tag of the image
   * it has, so that it never pulls it from an address it does not trust for plain HTTP.
   */
  public String nameFrom(String machineAddress, String image) {
    String name = image.replaceFirst("^127\\.0\\.0\\.1:", machineAddress + ":");
    DockerCli.Result tag = DockerCli.run("tag", image, name);
    if (tag.exitCode() != 0) {
      throw new IllegalStateException("docker tag failed: " + tag.output());
    }
    tagged.add(name);
    return name;
  }

  /** {@code 127.0.0.1:port}: the prefix of image names in this registry. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /**
   * Tags a local image of the machine's engine into this registry and pushes it; returns the
   * registry's name for it. Pushing again an image the registry has is quick.
   */
  public String push(String localImage, String name) {
    String remote = address() + "/" + name;
    DockerCli.Result tag = DockerCli.run("tag", localImage, remote);
    if (tag.exitCode() != 0) {
      throw new IllegalStateException("docker tag failed: " + tag.output());
    }
    tagged.add(remote);
    DockerCli.Result push = DockerCli.run("push", remote);
    if (push.exitCode() != 0) {
      throw new IllegalStateException("docker push failed: " + push.output());
    }
    return remote;
  }

  private void stop() {
    // the tags only (the image keeps its own): a registry of a port that is gone names nothing
    tagged.forEach(name -> DockerCli.run("image", "rm", name));
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
      new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(60, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      // best effort on the way out
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
