package org.workspaceportal.gateway;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.workspaceportal.workspace.access.WorkspaceAddresses;
import org.workspaceportal.workspace.access.WorkspaceDoors;

/** Each workspace's origin on the gateway, and which workspace a host name names. */
@Component
class WorkspaceOrigins implements WorkspaceAddresses {

  static final String SPARK_PREFIX = "/spark";

  private final GatewayProperties properties;
  private final Environment environment;
  private final Pattern host;
  private volatile int boundPort;

  WorkspaceOrigins(GatewayProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
    this.host = Pattern.compile("ws-([0-9a-f]{12})\\." + Pattern.quote(properties.domain()));
  }

  /** The port the gateway's server listens on, once started. */
  void bound(int port) {
    this.boundPort = port;
  }

  int boundPort() {
    return boundPort;
  }

  /** {@code http://ws-0123456789ab.localhost:8081}: no path, no trailing slash. */
  String origin(String shortId) {
    int port =
        properties.publicPort() > 0
            ? properties.publicPort()
            : properties.publicPort() < 0 ? -1 : boundPort > 0 ? boundPort : properties.port();
    boolean defaultPort =
        port < 0 || (port == 80 && !properties.secure()) || (port == 443 && properties.secure());
    return properties.scheme()
        + "://ws-"
        + shortId
        + "."
        + properties.domain()
        + (defaultPort ? "" : ":" + port);
  }

  String origin(UUID workspaceId) {
    return origin(WorkspaceDoors.shortId(workspaceId));
  }

  @Override
  public String jupyter(UUID workspaceId) {
    return origin(workspaceId) + "/tree";
  }

  @Override
  public String sparkUi(UUID workspaceId) {
    return origin(workspaceId) + SPARK_PREFIX + "/";
  }

  /** The workspace short id a Host header names (port ignored); empty for any other host. */
  Optional<String> shortIdOf(String hostHeader) {
    if (hostHeader == null) {
      return Optional.empty();
    }
    String name = hostHeader.toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (colon > 0 && name.indexOf(']') < colon) {
      name = name.substring(0, colon);
    }
    Matcher m = host.matcher(name);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Where the portal opens a workspace: its sign-in, the owner check, then a ticket bound to {@code
   * state} (the hash of the state cookie this origin just gave the browser).
   */
  String portalOpen(String shortId, String next, String state) {
    return portalUrl()
        + "/workspaces/open/"
        + shortId
        + "?next="
        + java.net.URLEncoder.encode(safeNext(next), java.nio.charset.StandardCharsets.UTF_8)
        + "&state="
        + state;
  }

  /** A state as {@link #portalOpen} passes it: 64 hex digits (a SHA-256). */
  static boolean isState(String state) {
    return state != null && state.matches("[0-9a-f]{64}");
  }

  String portalUrl() {
    String configured = properties.portalUrl();
    if (configured != null && !configured.isBlank()) {
      return configured.endsWith("/")
          ? configured.substring(0, configured.length() - 1)
          : configured;
    }
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    return "http://localhost:" + port;
  }

  /**
   * A path to go to after the sign-in, or {@code /tree}: only a path of this origin ({@code /…},
   * never {@code //host} or {@code /\host}, which browsers take for another site).
   */
  static String safeNext(String next) {
    if (next == null
        || next.length() > 2000
        || !next.startsWith("/")
        || next.startsWith("//")
        || next.startsWith("/\\")
        || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return "/tree";
    }
    return next;
  }
}
