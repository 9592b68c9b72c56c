package dev.workspaceportal.oidcprovider;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people and what their tokens say. Spring Boot configures the rest of the authorization server
 * from {@code spring.security.oauth2.authorizationserver.*}: the portal as its client, OIDC
 * discovery, a form sign-in page, a signing key made at start.
 */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

  @Bean
  UserDetailsService people(OidcProviderProperties properties) {
    return new InMemoryUserDetailsManager(
        properties.users().stream()
            .map(
                p ->
                    User.withUsername(p.username())
                        .password("{noop}" + p.password())
                        .roles("USER")
                        .disabled(!p.enabled())
                        .build())
            .toList());
  }

  /**
   * The ID token (and, for the portal's REST API, the access token) carry who she is: {@code
   * preferred_username}, {@code name}, {@code email} and {@code groups}.
   */
  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> claims(OidcProviderProperties properties) {
    Map<String, OidcProviderProperties.Person> byName =
        properties.users().stream()
            .collect(
                Collectors.toMap(OidcProviderProperties.Person::username, Function.identity()));
    return context -> {
      boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
      boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
      OidcProviderProperties.Person person = byName.get(context.getPrincipal().getName());
      if (person == null || !(idToken || accessToken)) {
        return;
      }
      context
          .getClaims()
          .claim("preferred_username", person.username())
          .claim("groups", person.groups());
      if (idToken || context.getAuthorizedScopes().contains(OidcScopes.PROFILE)) {
        if (person.name() != null) {
          context.getClaims().claim("name", person.name());
        }
        if (person.email() != null) {
          context.getClaims().claim("email", person.email());
        }
      }
    };
  }
}
