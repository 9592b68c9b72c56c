package org.workspaceportal.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;

/**
 * Another portal instance, in a JVM of its own: the product's main class on this JVM's class path
 * (without the test classes, so that nothing of the tests runs in it), configured like this test
 * JVM (its {@code portal.*} and {@code server.*} system properties, which Surefire sets for fast
 * retries and heartbeats) plus what the caller gives: at least the database and the secret key of
 * the instance it joins. It listens on a port of its own on 127.0.0.1 and writes its log to {@code
 * target/portal-processes}.
 *
 * <p>The configuration goes in {@code SPRING_APPLICATION_JSON}, not on the command line, where
 * {@code ps} would show the secret key and the storage token to anyone on the machine.
 */
public final class PortalProcess implements AutoCloseable {

  private static final String MAIN_CLASS = "org.workspaceportal.PortalApplication";

  private final String name;
  private final JavaProcess process;
  private final int port;

  private PortalProcess(String name, JavaProcess process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /**
   * Starts an instance with this test JVM's {@code portal.*} and {@code server.*} system
   * properties, then {@code properties}, on a free port, and returns once it is ready.
   */
  public static PortalProcess start(String name, Map<String, String> properties, Duration timeout) {
    int port = freePort();
    Map<String, String> config = new LinkedHashMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            key -> {
              if (key.startsWith("portal.") || key.startsWith("server.")) {
                config.put(key, System.getProperty(key));
              }
            });
    config.putAll(properties);
    config.put("server.port", Integer.toString(port));
    // a quick start matters more than peak speed for a test's instance; two cores are shared
    List<String> jvm =
        List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xmx768m",
            "-XX:+UseSerialGC",
            "-cp",
            productClassPath(),
            MAIN_CLASS);
    JavaProcess process =
        JavaProcess.start(
            name,
            "portal instance " + name + " (port " + port + ")",
            jvm,
            config,
            URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"),
            timeout);
    return new PortalProcess(name, process, port);
  }

  /** The operating system's id of the instance's JVM. */
  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * {@code kill -9}: the JVM gets SIGKILL ({@link Process#destroyForcibly} on Linux) and ends at
   * once, with no shutdown hook, no graceful stop of its scheduler and its transactions left to the
   * database to roll back, as when a machine loses power. Returns once it is gone.
   */
  public void killHard() {
    process.killHard();
  }

  /** The end of the instance's log, for failure messages. */
  public String logTail() {
    return process.logTail(60);
  }

  /** Stops the instance as an operator would (SIGTERM), or by force if it does not end in time. */
  @Override
  public void close() {
    process.close();
  }

  @Override
  public String toString() {
    return "portal instance "
        + name
        + " (pid "
        + pid()
        + ", port "
        + port
        + ", log "
        + process.log()
        + ")";
  }

  /**
   * This JVM's class path without the test classes. Surefire starts the test JVM from a small jar
   * whose manifest holds the real class path; it gives that path in {@code
   * surefire.test.class.path}.
   */
  private static String productClassPath() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * What makes a second process an instance of the portal this JVM runs: its database (the
   * connections named {@code name}), secret key and FlashBlade; none of the embedded default's
   * services, which this JVM runs already (a second simulator or PostgreSQL would be another
   * installation); and eager polling for jobs. A mutable map: the caller may add to it.
   */
  public static Map<String, String> sameInstallationAs(Environment environment, String name) {
    Map<String, String> settings = new LinkedHashMap<>();
    String url = environment.getRequiredProperty("spring.datasource.url");
    settings.put(
        "spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + name);
    settings.put(
        "spring.datasource.username",
        environment.getRequiredProperty("spring.datasource.username"));
    settings.put(
        "spring.datasource.password", environment.getProperty("spring.datasource.password", ""));
    settings.put("portal.secret-key", secretKey(environment));
    for (String key :
        List.of("url", "api-token", "ca-certificate", "data-endpoint", "file-system-bind-root")) {
      String property = "portal.storage.flashblade." + key;
      settings.put(property, environment.getRequiredProperty(property));
    }
    settings.put("portal.embedded-postgres.enabled", "false");
    settings.put("portal.flashbladesim.enabled", "false");
    settings.put(
        "portal.data-dir",
        Path.of("target", "portal-processes", name + "-data").toAbsolutePath().toString());
    settings.put("portal.scheduler.polling-interval", "100ms");
    settings.put("portal.scheduler.threads", "4");
    return settings;
  }

  /** The key the portal encrypts secrets with: the embedded default's, in its data folder. */
  private static String secretKey(Environment environment) {
    Path file = Path.of(environment.getRequiredProperty("portal.data-dir"), "secret.key");
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A TCP port free on loopback now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
