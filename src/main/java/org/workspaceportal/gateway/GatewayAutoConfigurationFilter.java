package org.workspaceportal.gateway;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Cloud's auto-configurations (the gateway's) out of the portal's servlet context:
 * they belong to the gateway's own reactive context only, which says so with {@link #MARKER}.
 */
public final class GatewayAutoConfigurationFilter
    implements AutoConfigurationImportFilter, EnvironmentAware {

  static final String MARKER = "portal.gateway.internal.reactive-context";

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public boolean[] match(String[] classes, AutoConfigurationMetadata metadata) {
    boolean gatewayContext =
        environment != null && environment.getProperty(MARKER, Boolean.class, false);
    boolean[] match = new boolean[classes.length];
    for (int i = 0; i < classes.length; i++) {
      match[i] =
          gatewayContext
              || classes[i] == null
              || !classes[i].startsWith("org.springframework.cloud.");
    }
    return match;
  }
}
