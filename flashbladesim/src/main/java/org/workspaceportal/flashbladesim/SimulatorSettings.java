package org.workspaceportal.flashbladesim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to start a {@link FlashBladeSimulator}.
 *
 * @param managementPort HTTPS port of the management API on 127.0.0.1; 0 picks a free port
 * @param s3Port HTTP port of the S3 data plane on 127.0.0.1; 0 picks a free port
 * @param dataDir where state and objects are kept across restarts; {@code null} keeps everything in
 *     memory
 * @param apiToken the API token accepted by {@code POST /api/login}; {@code null} generates one
 * @param sessionIdleTimeout how long a session may stay unused before it is invalid
 * @param maxRestVersion the highest REST 2.x version the simulated array offers, e.g. "2.17"
 */
public record SimulatorSettings(
    int managementPort,
    int s3Port,
    Path dataDir,
    String apiToken,
    Duration sessionIdleTimeout,
    String maxRestVersion) {

  /** The version of the REST API the simulated array offers unless told otherwise. */
  public static final String DEFAULT_MAX_REST_VERSION = "2.17";

  /** Real arrays default to a long idle time; tests shorten it to exercise re-login. */
  public static final Duration DEFAULT_SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);

  public SimulatorSettings {
    checkPort(managementPort, "managementPort");
    checkPort(s3Port, "s3Port");
    Objects.requireNonNull(sessionIdleTimeout, "sessionIdleTimeout");
    if (sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()) {
      throw new IllegalArgumentException("sessionIdleTimeout must be positive");
    }
    maxRestVersion = maxRestVersion == null ? DEFAULT_MAX_REST_VERSION : maxRestVersion;
    RestVersions.requireSupportedMaximum(maxRestVersion);
    if (apiToken != null && apiToken.isBlank()) {
      throw new IllegalArgumentException("apiToken must not be blank");
    }
  }

  /** Random ports, everything in memory, a generated API token. */
  public static SimulatorSettings inMemory() {
    return new SimulatorSettings(0, 0, null, null, DEFAULT_SESSION_IDLE_TIMEOUT, null);
  }

  /** Random ports, state and objects kept under {@code dataDir}. */
  public static SimulatorSettings persistent(Path dataDir) {
    return inMemory().withDataDir(Objects.requireNonNull(dataDir, "dataDir"));
  }

  public SimulatorSettings withPorts(int newManagementPort, int newS3Port) {
    return new SimulatorSettings(
        newManagementPort, newS3Port, dataDir, apiToken, sessionIdleTimeout, maxRestVersion);
  }

  public SimulatorSettings withDataDir(Path newDataDir) {
    return new SimulatorSettings(
        managementPort, s3Port, newDataDir, apiToken, sessionIdleTimeout, maxRestVersion);
  }

  public SimulatorSettings withApiToken(String newApiToken) {
    return new SimulatorSettings(
        managementPort, s3Port, dataDir, newApiToken, sessionIdleTimeout, maxRestVersion);
  }

  public SimulatorSettings withSessionIdleTimeout(Duration newTimeout) {
    return new SimulatorSettings(
        managementPort, s3Port, dataDir, apiToken, newTimeout, maxRestVersion);
  }

  public SimulatorSettings withMaxRestVersion(String newMaxRestVersion) {
    return new SimulatorSettings(
        managementPort, s3Port, dataDir, apiToken, sessionIdleTimeout, newMaxRestVersion);
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
    }
  }
}
