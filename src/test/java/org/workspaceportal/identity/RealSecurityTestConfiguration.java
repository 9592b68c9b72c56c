package org.workspaceportal.identity;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * For {@code @WebMvcTest} slices: the portal's real security filter chains, entry points and token
 * introspector, with two known users in memory instead of the users table (the slice has no
 * database).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
  SecurityConfiguration.class,
  ProblemSecurityHandlers.class,
  ApiTokenIntrospector.class,
  BearerTokens.class
})
public class RealSecurityTestConfiguration {

  public static final String USER = "alice";
  public static final String ADMIN = "root";
  public static final String PASSWORD = "slice-password";

  @Bean
  UserDetailsService users() {
    return new InMemoryUserDetailsManager(
        User.withUsername(USER)
            .password("{noop}" + PASSWORD)
            .authorities(PortalUserDetailsService.authorities(Role.USER))
            .build(),
        User.withUsername(ADMIN)
            .password("{noop}" + PASSWORD)
            .authorities(PortalUserDetailsService.authorities(Role.ADMIN))
            .build());
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
