package org.workspaceportal.flashbladesim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulator on its own until the process is killed: beside the portal's production jar, or
 * as the {@code flashbladesim} service of docker compose (deploy/flashbladesim/Dockerfile). Options
 * (or environment variables FLASHBLADESIM_MANAGEMENT_PORT etc.): {@code --management-port=N
 * --s3-port=N --data-dir=PATH --api-token=TOKEN --session-idle-timeout=PT30M
 * --max-rest-version=2.17 --bind-address=0.0.0.0 --host-names=flashbladesim,other}. Without a bind
 * address it listens on 127.0.0.1 only; host names go into the management API's certificate.
 */
public final class FlashBladeSimulatorMain {

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  private FlashBladeSimulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    // before the first logger: Logback's own default would log S3Proxy's Jetty at DEBUG
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, "flashbladesim-logback.xml");
    }
    Map<String, String> options = options(args);
    var settings =
        new SimulatorSettings(
            Integer.parseInt(options.getOrDefault("management-port", "0")),
            Integer.parseInt(options.getOrDefault("s3-port", "0")),
            options.containsKey("data-dir") ? Path.of(options.get("data-dir")) : null,
            options.get("api-token"),
            Duration.parse(
                options.getOrDefault(
                    "session-idle-timeout",
                    SimulatorSettings.DEFAULT_SESSION_IDLE_TIMEOUT.toString())),
            options.get("max-rest-version"),
            options.get("bind-address"),
            hostNames(options.getOrDefault("host-names", "")),
            null);
    FlashBladeSimulator simulator = FlashBladeSimulator.start(settings);
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulator.close();
                  stopped.countDown();
                },
                "flashbladesim-shutdown"));
    // a person starting the simulator by hand needs the token to log in, so it is printed here
    System.out.println("FlashBlade simulator running");
    System.out.println("  management API: " + simulator.managementUri());
    System.out.println("  S3 endpoint:    " + simulator.s3Endpoint());
    System.out.println("  CA certificate: " + simulator.caCertificate().toAbsolutePath());
    System.out.println("  API token:      " + simulator.apiToken());
    System.out.println(
        "  state:          " + (settings.dataDir() == null ? "in memory" : settings.dataDir()));
    stopped.await();
  }

  static List<String> hostNames(String commaSeparated) {
    return Arrays.stream(commaSeparated.split(","))
        .map(String::strip)
        .filter(n -> !n.isEmpty())
        .toList();
  }

  /** {@code --name=value} arguments over FLASHBLADESIM_NAME environment variables. */
  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String name :
        new String[] {
          "management-port",
          "s3-port",
          "data-dir",
          "api-token",
          "session-idle-timeout",
          "max-rest-version",
          "bind-address",
          "host-names"
        }) {
      String variable = "FLASHBLADESIM_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
      String value = System.getenv(variable);
      if (value != null && !value.isBlank()) {
        options.put(name, value);
      }
    }
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }
}
