package org.workspaceportal.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Who a bearer token on the REST API is: the portal's own personal API tokens ({@code wsp_…})
 * always; where single sign-on takes them ({@link ProviderAccessTokens}), also the provider's
 * access tokens. Every failure is published like a sign-in's (the audit's {@code login.failed}).
 */
@Component
class BearerTokens {

  private static final String PORTAL_TOKEN_PREFIX = "wsp_";

  private final AuthenticationManager portalTokens;
  private final ObjectProvider<ProviderAccessTokens> providerTokens;
  private final AuthenticationEventPublisher events;
  private final DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();

  BearerTokens(
      ApiTokenIntrospector introspector,
      ObjectProvider<ProviderAccessTokens> providerTokens,
      AuthenticationEventPublisher events) {
    this.events = events;
    this.portalTokens = audited(new OpaqueTokenAuthenticationProvider(introspector));
    this.providerTokens = providerTokens;
  }

  AuthenticationManagerResolver<HttpServletRequest> resolver() {
    return request -> {
      String token = bearer.resolve(request);
      ProviderAccessTokens provider = providerTokens.getIfAvailable();
      if (token == null || token.startsWith(PORTAL_TOKEN_PREFIX) || provider == null) {
        return portalTokens;
      }
      return provider.manager(this::audited);
    };
  }

  private AuthenticationManager audited(AuthenticationProvider provider) {
    ProviderManager manager = new ProviderManager(provider);
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }
}
