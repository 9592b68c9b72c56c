package org.workspaceportal.gateway;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings {@code portal.gateway.*}.
 *
 * @param enabled whether the gateway's server starts (the links are the same either way)
 * @param port its port; 0 picks a free one (tests)
 * @param address the address it binds; empty for all
 * @param domain workspaces are {@code ws-<12 hex>.<domain>}: a wildcard DNS name and certificate in
 *     production; {@code localhost} in the embedded default (browsers resolve {@code *.localhost}
 *     to loopback)
 * @param scheme {@code https} behind a TLS proxy (cookies then {@code Secure} and {@code __Host-})
 * @param publicPort the port in the workspaces' addresses when a proxy in front listens elsewhere
 *     (443, say); 0 for the gateway's own port; -1 for none (the scheme's default)
 * @param portalUrl the portal's address the gateway sends people to sign in; empty for {@code
 *     http://localhost:<portal port>}
 * @param adminAccess whether admins may open other users' workspaces (each open is audited)
 * @param sessionLifetime how long a workspace's cookie lasts (a portal sign-out ends it sooner)
 * @param ticketLifetime how long the one-time ticket of an open lasts
 */
@ConfigurationProperties("portal.gateway")
public record GatewayProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("8081") int port,
    @DefaultValue("") String address,
    @DefaultValue("localhost") String domain,
    @DefaultValue("http") String scheme,
    @DefaultValue("0") int publicPort,
    @DefaultValue("") String portalUrl,
    @DefaultValue("false") boolean adminAccess,
    @DefaultValue("12h") Duration sessionLifetime,
    @DefaultValue("60s") Duration ticketLifetime) {

  public GatewayProperties {
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("portal.gateway.scheme must be http or https: " + scheme);
    }
    if (domain == null || !domain.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "portal.gateway.domain must be a DNS name in lower case: " + domain);
    }
  }

  boolean secure() {
    return "https".equals(scheme);
  }

  /** The cookie that binds an open's ticket to the browser that asked for it. */
  String stateCookieName() {
    return secure() ? "__Host-workspace_state" : "workspace_state";
  }

  /** A {@code __Host-} cookie cannot be set by a sibling origin (cookie tossing) but needs TLS. */
  String cookieName() {
    return secure() ? "__Host-workspace_session" : "workspace_session";
  }
}
