package org.workspaceportal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Docker engine on this machine standing in for a second host: its own dockerd, with its
 * own data and exec roots, listening on a free loopback port with TLS and client certificates
 * required, made by a {@link TestPki}. One per JVM ({@link #shared()}), stopped when the JVM exits;
 * tests may {@link #stop()} and {@link #start()} it to play a host going away and coming back.
 * Needs root and dockerd (Debian's docker.io), as CI provides.
 */
public final class TlsDockerEngine {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static TlsDockerEngine shared;

  private final TestPki pki = TestPki.create("portal-test-engine-ca");
  private final TestPki.Issued client = pki.client("portal");
  private final Path dir;
  private final int port;
  private Process process;

  private TlsDockerEngine() {
    try {
      // short: the engine's containerd socket lives under the exec root (unix paths are short)
      dir = Files.createTempDirectory(Path.of("/tmp"), "pe2-");
      port = freePort();
      TestPki.Issued server = pki.serverFor127();
      Files.writeString(dir.resolve("ca.pem"), pki.caPem());
      Files.writeString(dir.resolve("server.pem"), server.certificatePem());
      Files.writeString(dir.resolve("server-key.pem"), server.privateKeyPem());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Null if this machine can run a second engine (root, dockerd on the PATH or in /usr/sbin), else
   * what is missing.
   */
  public static String whatIsMissing() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return "starting a second dockerd needs root";
    }
    return dockerd() == null ? "dockerd is not installed (apt-get install docker.io)" : null;
  }

  /** The engine of this JVM, started on first use. */
  public static synchronized TlsDockerEngine shared() {
    if (shared == null) {
      shared = new TlsDockerEngine();
      shared.start();
      TlsDockerEngine engine = shared;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    engine.stop();
                    engine.deleteFiles();
                  },
                  "tls-dockerd-stop"));
    }
    return shared;
  }

  public String endpoint() {
    return "tcp://127.0.0.1:" + port;
  }

  public String caPem() {
    return pki.caPem();
  }

  public String clientCertificatePem() {
    return client.certificatePem();
  }

  public String clientKeyPem() {
    return client.privateKeyPem();
  }

  /** Starts dockerd and waits until its port accepts connections. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    String dockerd = dockerd();
    if (dockerd == null) {
      throw new IllegalStateException("dockerd not found");
    }
    List<String> command =
        List.of(
            dockerd,
            "--tlsverify",
            "--tlscacert=" + dir.resolve("ca.pem"),
            "--tlscert=" + dir.resolve("server.pem"),
            "--tlskey=" + dir.resolve("server-key.pem"),
            "--host=tcp://127.0.0.1:" + port,
            "--data-root=" + dir.resolve("data"),
            "--exec-root=" + dir.resolve("x"),
            "--pidfile=" + dir.resolve("docker.pid"),
            "--bridge=none",
            "--iptables=false",
            "--ip-masq=false");
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("dockerd.log").toFile()))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + dockerd, e);
    }
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (!accepts() && Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the second dockerd exited: " + log());
      }
      Pause.sleep(200);
    }
    if (!accepts()) {
      throw new IllegalStateException("the second dockerd did not listen in time: " + log());
    }
  }

  /** Stops dockerd (and the containers and containerd it runs) and waits until it is gone. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Removes the engine's data and exec roots (after {@link #stop()}). */
  void deleteFiles() {
    try {
      // dockerd mounts its data root on itself and its default network namespace under its exec
      // root; an engine that died (or stopped) may leave those mounts behind, and rm -rf cannot
      // remove a mount point
      new ProcessBuilder(
              "sh",
              "-c",
              "umount -l \"$1/data\" 2>/dev/null; umount -l \"$1/x/netns/default\" 2>/dev/null;"
                  + " rm -rf \"$1\"",
              "sh",
              dir.toString())
          .start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      // best effort: a leftover temporary folder
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What the engine logged, its last lines, for failure messages. */
  public String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private boolean accepts() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String dockerd() {
    return Stream.of("/usr/sbin/dockerd", "/usr/bin/dockerd", "/usr/local/bin/dockerd")
        .filter(p -> Files.isExecutable(Path.of(p)))
        .findFirst()
        .orElse(null);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
