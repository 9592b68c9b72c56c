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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Docker engine on this machine standing in for a second host: its own dockerd, with its
 * own data and exec roots, in a network namespace of its own with an address of its own ({@code
 * 10.233.K.2}, reached over a veth pair whose other end, {@code 10.233.K.1}, is this machine's), so
 * that its networks and published ports are its own and a container given the wrong host's address
 * cannot connect by accident. It listens there with TLS and client certificates required, made by a
 * {@link TestPki}. The namespace has no route but to this machine and does not forward: nothing
 * started there sends a packet off the machine. One per JVM ({@link #shared()}), stopped when the
 * JVM exits; tests may {@link #stop()} and {@link #start()} it to play a host going away and coming
 * back. Needs root, dockerd (Debian's docker.io), iproute2 and nsenter, as CI provides.
 */
public final class TlsDockerEngine {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static TlsDockerEngine shared;

  private final TestPki pki = TestPki.create("portal-test-engine-ca");
  private final TestPki.Issued client = pki.client("portal");
  private final Path dir;
  private final int port;
  private final String namespace;
  private final String machineAddress;
  private final String address;
  private Process process;

  private TlsDockerEngine() {
    try {
      // short: the engine's containerd socket lives under the exec root (unix paths are short)
      dir = Files.createTempDirectory(Path.of("/tmp"), "pe2-");
      port = freePort();
      // a /30 of its own per JVM, so that two test runs on one machine do not share one
      int k = ThreadLocalRandom.current().nextInt(1, 250);
      machineAddress = "10.233." + k + ".1";
      address = "10.233." + k + ".2";
      namespace = "pe2-" + port;
      makeNamespace();
      TestPki.Issued server = pki.serverFor(address);
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
    return "tcp://" + address + ":" + port;
  }

  /** Its own address: where its published ports are reached, as a host's address. */
  public String address() {
    return address;
  }

  /** This machine's address as the second engine reaches it (a registry listens there too). */
  public String machineAddress() {
    return machineAddress;
  }

  /**
   * The namespace and the veth pair to it: this machine's end {@code .1}, the namespace's {@code
   * .2}, and no other route in the namespace.
   */
  private void makeNamespace() {
    String hostEnd = "pe2h" + port;
    String nsEnd = "pe2n" + port;
    ip("netns", "add", namespace);
    ip("link", "add", hostEnd, "type", "veth", "peer", "name", nsEnd);
    ip("link", "set", nsEnd, "netns", namespace);
    ip("addr", "add", machineAddress + "/30", "dev", hostEnd);
    ip("link", "set", hostEnd, "up");
    ip("netns", "exec", namespace, "ip", "addr", "add", address + "/30", "dev", nsEnd);
    ip("netns", "exec", namespace, "ip", "link", "set", nsEnd, "up");
    ip("netns", "exec", namespace, "ip", "link", "set", "lo", "up");
  }

  private static void ip(String... args) {
    List<String> command = new java.util.ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
    // nsenter, not `ip netns exec`: that one remounts /sys, and dockerd then finds no cgroups
    List<String> command =
        List.of(
            "nsenter",
            "--net=/var/run/netns/" + namespace,
            dockerd,
            "--tlsverify",
            "--tlscacert=" + dir.resolve("ca.pem"),
            "--tlscert=" + dir.resolve("server.pem"),
            "--tlskey=" + dir.resolve("server-key.pem"),
            "--host=tcp://" + address + ":" + port,
            "--data-root=" + dir.resolve("data"),
            "--exec-root=" + dir.resolve("x"),
            "--pidfile=" + dir.resolve("docker.pid"),
            "--bridge=none",
            "--iptables=false",
            "--ip-masq=false",
            "--ip-forward=false",
            // the machine's registry, over plain HTTP as on loopback
            "--insecure-registry=" + machineAddress + "/32");
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
                  + " rm -rf \"$1\"; ip netns del \"$2\" 2>/dev/null",
              "sh",
              dir.toString(),
              namespace)
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
      socket.connect(new InetSocketAddress(address, port), 500);
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
