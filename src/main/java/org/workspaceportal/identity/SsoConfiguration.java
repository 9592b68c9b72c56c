package org.workspaceportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Single sign-on on the pages' filter chain, where {@code portal.sso.enabled} is true: Spring
 * Security's OAuth 2.0 login (authorization code with PKCE, the ID token checked by Spring
 * Security), the people it signs in made portal users by {@link SsoUserService}, and sign-out that
 * also ends the provider's session where it offers RP-initiated logout (its discovery document's
 * {@code end_session_endpoint}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("portal.sso.enabled")
class SsoConfiguration {

  @Bean
  SsoRegistrations ssoRegistrations(SsoProperties properties) {
    return new SsoRegistrations(properties);
  }

  @Bean
  @ConditionalOnBooleanProperty("portal.sso.api-access-tokens")
  ProviderAccessTokens providerAccessTokens(
      SsoProperties properties, SsoRegistrations registrations, UserRepository users) {
    return new ProviderAccessTokens(properties, registrations, users);
  }

  @Bean
  SsoLogin ssoLogin(
      SsoRegistrations registrations, SsoAccounts accounts, SsoProperties properties) {
    return new SsoLogin(registrations, new SsoUserService(accounts, properties));
  }

  /** What the pages' chain adds for single sign-on ({@link SecurityConfiguration}). */
  static final class SsoLogin {

    private static final Logger log = LoggerFactory.getLogger(SsoLogin.class);

    /** The refusals the login page words itself; anything else is "failed". */
    private static final Set<String> SAID = Set.of("disabled", "bad-name", "name-taken");

    private final SsoRegistrations registrations;
    private final SsoUserService users;

    SsoLogin(SsoRegistrations registrations, SsoUserService users) {
      this.registrations = registrations;
      this.users = users;
    }

    void applyTo(HttpSecurity http) throws Exception {
      http.oauth2Login(
              login ->
                  login
                      .loginPage("/login")
                      .clientRegistrationRepository(registrations)
                      .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver()))
                      .userInfoEndpoint(u -> u.oidcUserService(users))
                      .defaultSuccessUrl("/", false)
                      .failureHandler(this::failed))
          .logout(logout -> logout.logoutSuccessHandler(this::signedOut));
    }

    /**
     * PKCE on every authorization request; while the provider cannot be used there is no request
     * (the login page's button goes through {@code /login/sso}, which says why).
     */
    private OAuth2AuthorizationRequestResolver resolver() {
      DefaultOAuth2AuthorizationRequestResolver resolver =
          new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
      resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
      return new OAuth2AuthorizationRequestResolver() {
        @Override
        public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
          return available() ? resolver.resolve(request) : null;
        }

        @Override
        public OAuth2AuthorizationRequest resolve(
            HttpServletRequest request, String clientRegistrationId) {
          return available() ? resolver.resolve(request, clientRegistrationId) : null;
        }
      };
    }

    private boolean available() {
      return registrations.registration() != null;
    }

    private void failed(
        HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
        throws IOException {
      String code =
          failure instanceof OAuth2AuthenticationException oauth
              ? oauth.getError().getErrorCode()
              : "failed";
      log.warn("Single sign-on refused: {}", failure.getMessage());
      response.sendRedirect(
          request.getContextPath() + "/login?sso=" + (SAID.contains(code) ? code : "failed"));
    }

    /**
     * A provider's session ends with the portal's (RP-initiated logout), back to the login page; a
     * local sign-in's, or any while the provider cannot be reached, just goes to the login page.
     */
    private void signedOut(
        HttpServletRequest request, HttpServletResponse response, Authentication authentication)
        throws IOException, jakarta.servlet.ServletException {
      if (authentication instanceof OAuth2AuthenticationToken && available()) {
        OidcClientInitiatedLogoutSuccessHandler provider =
            new OidcClientInitiatedLogoutSuccessHandler(registrations);
        provider.setPostLogoutRedirectUri("{baseUrl}/login?logout");
        provider.setDefaultTargetUrl("/login?logout");
        provider.onLogoutSuccess(request, response, authentication);
        return;
      }
      response.sendRedirect(request.getContextPath() + "/login?logout");
    }
  }
}
