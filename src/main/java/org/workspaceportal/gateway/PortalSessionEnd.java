package org.workspaceportal.gateway;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.springframework.stereotype.Component;

/** A portal session that ends (sign-out, timeout) ends the workspace sessions it opened. */
@Component
class PortalSessionEnd implements HttpSessionListener {

  private final GatewayAccess access;

  PortalSessionEnd(GatewayAccess access) {
    this.access = access;
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    access.portalSessionEnded(event.getSession().getId());
  }
}
