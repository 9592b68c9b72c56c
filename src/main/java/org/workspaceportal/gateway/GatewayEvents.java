package org.workspaceportal.gateway;

import java.util.UUID;

/** What the gateway tells the rest of the portal (the audit trail). */
public final class GatewayEvents {

  private GatewayEvents() {}

  /**
   * Someone opened a workspace's Jupyter or Spark UI: once per browser session and UI, not per
   * request.
   *
   * @param what {@code Jupyter} or {@code Spark UI}
   * @param byAdmin an admin opened another user's workspace (the site allows it)
   */
  public record WorkspaceOpened(
      String username,
      UUID workspaceId,
      String owner,
      String workspaceName,
      String what,
      boolean byAdmin,
      String remoteAddress) {}
}
