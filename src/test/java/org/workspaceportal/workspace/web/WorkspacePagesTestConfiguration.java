package org.workspaceportal.workspace.web;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.workspaceportal.workspace.WorkspaceFixtures;
import org.workspaceportal.workspace.lifetime.ExpiryRules;
import org.workspaceportal.workspace.lifetime.ExpirySetting;
import org.workspaceportal.workspace.lifetime.ExpirySettings;

/**
 * For {@code @WebMvcTest} slices: the live-update registry the workspace pages need (it has no
 * dependencies), the expiry rules their templates call ({@code @expiry}, default settings) and the
 * expiry setting the admin list shows (the default, 14 days; a mock, so the pages never save it).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(WorkspaceUpdates.class)
public class WorkspacePagesTestConfiguration {

  @Bean("expiry")
  ExpiryRules expiry() {
    return WorkspaceFixtures.expiryRules(Clock.systemUTC());
  }

  @Bean
  ExpirySettings expirySettings() {
    ExpirySettings settings = mock(ExpirySettings.class);
    when(settings.current())
        .thenReturn(new ExpirySetting(Duration.ofDays(14), null, Duration.ofDays(14), null, null));
    return settings;
  }
}
