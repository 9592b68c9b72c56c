package org.workspaceportal.workspace.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.workspaceportal.workspace.ExpiryRules;
import org.workspaceportal.workspace.WorkspaceFixtures;

/**
 * For {@code @WebMvcTest} slices: the live-update registry the workspace pages need (it has no
 * dependencies) and the expiry rules their templates call ({@code @expiry}, default settings).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(WorkspaceUpdates.class)
public class WorkspacePagesTestConfiguration {

  @Bean("expiry")
  ExpiryRules expiry() {
    return WorkspaceFixtures.expiryRules(java.time.Clock.systemUTC());
  }
}
