package org.workspaceportal.flashbladesim;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start a {@link FlashBladeSimulator}.
 *
 * @param managementPort HTTPS port of the management API; 0 picks a free port
 * @param s3Port HTTP port of the S3 data plane; 0 picks a free port
 * @param dataDir where state, objects and the CA are kept across restarts; {@code null} keeps
 *     everything in memory
 * @param apiToken the API token accepted by {@code POST /api/login}; {@code null} generates one
 * @param sessionIdleTimeout how long a session may stay unused before it is invalid
 * @param maxRestVersion the highest REST 2.x version the simulated array offers, e.g. "2.17"
 * @param bindAddress the IP address both listeners bind, e.g. {@code 0.0.0.0} in a container that
 *     others reach over a network; {@code null} is 127.0.0.1, which keeps the simulator to this
 *     machine
 * @param hostNames names (or addresses) clients use to reach the management API, put in its server
 *     certificate besides 127.0.0.1 and localhost so that they can verify it, e.g. a service's name
 *     in docker compose
 * @param s3BindAddress the IP address the S3 data plane binds when it differs from {@code
 *     bindAddress}: {@code 0.0.0.0} lets workspace containers on this machine reach it (through
 *     their network's gateway, the machine's own address there) while the management API stays on
 *     loopback; {@code null} is {@code bindAddress}
 */
public record SimulatorSettings(
    int managementPort,
    int s3Port,
    Path dataDir,
    String apiToken,
    Duration sessionIdleTimeout,
    String maxRestVersion,
    String bindAddress,
    List<String> hostNames,
    String s3BindAddress) {

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
    if (bindAddress != null) {
      bindAddress = literal(bindAddress).getHostAddress();
    }
    if (s3BindAddress != null) {
      s3BindAddress = literal(s3BindAddress).getHostAddress();
    }
    hostNames = hostNames == null ? List.of() : List.copyOf(hostNames);
    if (hostNames.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("hostNames must not contain a blank name");
    }
  }

  /** Random ports on 127.0.0.1, everything in memory, a generated API token. */
  public static SimulatorSettings inMemory() {
    return new SimulatorSettings(
        0, 0, null, null, DEFAULT_SESSION_IDLE_TIMEOUT, null, null, null, null);
  }

  /** Random ports, state and objects kept under {@code dataDir}. */
  public static SimulatorSettings persistent(Path dataDir) {
    return inMemory().withDataDir(Objects.requireNonNull(dataDir, "dataDir"));
  }

  public SimulatorSettings withPorts(int newManagementPort, int newS3Port) {
    return new SimulatorSettings(
        newManagementPort,
        newS3Port,
        dataDir,
        apiToken,
        sessionIdleTimeout,
        maxRestVersion,
        bindAddress,
        hostNames,
        s3BindAddress);
  }

  public SimulatorSettings withDataDir(Path newDataDir) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        newDataDir,
        apiToken,
        sessionIdleTimeout,
        maxRestVersion,
        bindAddress,
        hostNames,
        s3BindAddress);
  }

  public SimulatorSettings withApiToken(String newApiToken) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        dataDir,
        newApiToken,
        sessionIdleTimeout,
        maxRestVersion,
        bindAddress,
        hostNames,
        s3BindAddress);
  }

  public SimulatorSettings withSessionIdleTimeout(Duration newTimeout) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        dataDir,
        apiToken,
        newTimeout,
        maxRestVersion,
        bindAddress,
        hostNames,
        s3BindAddress);
  }

  public SimulatorSettings withMaxRestVersion(String newMaxRestVersion) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        dataDir,
        apiToken,
        sessionIdleTimeout,
        newMaxRestVersion,
        bindAddress,
        hostNames,
        s3BindAddress);
  }

  /** Listens on {@code address} (an IP address) and is reached there under {@code names}. */
  public SimulatorSettings withNetwork(String address, List<String> names) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        dataDir,
        apiToken,
        sessionIdleTimeout,
        maxRestVersion,
        address,
        names,
        s3BindAddress);
  }

  /** A copy whose S3 data plane binds this address (see {@link #s3BindAddress}). */
  public SimulatorSettings withS3BindAddress(String address) {
    return new SimulatorSettings(
        managementPort,
        s3Port,
        dataDir,
        apiToken,
        sessionIdleTimeout,
        maxRestVersion,
        bindAddress,
        hostNames,
        address);
  }

  /** The address the S3 data plane binds. */
  InetAddress s3ListenAddress() {
    return s3BindAddress == null ? listenAddress() : literal(s3BindAddress);
  }

  /** The address to bind: {@link #bindAddress}, else the loopback address. */
  InetAddress listenAddress() {
    return bindAddress == null ? InetAddress.getLoopbackAddress() : literal(bindAddress);
  }

  /**
   * The address a client on this machine uses: the bound one, or 127.0.0.1 when the simulator
   * listens on every address.
   */
  String localAddress() {
    return localAddressOf(listenAddress());
  }

  /** The address a client on this machine uses for the S3 data plane. */
  String s3LocalAddress() {
    return localAddressOf(s3ListenAddress());
  }

  private static String localAddressOf(InetAddress address) {
    if (address.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String text = address.getHostAddress();
    return text.contains(":") ? "[" + text + "]" : text;
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.ofLiteral(address.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bindAddress must be an IP address (e.g. 0.0.0.0), was " + address, e);
    }
  }

  private static void checkPort(int port, String name) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
    }
  }
}
