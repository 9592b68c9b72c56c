package org.workspaceportal.identity;

import java.util.Arrays;
import java.util.Map;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Component;

/** Resolves {@code Authorization: Bearer wsp_...} against the portal's own token table. */
@Component
class ApiTokenIntrospector implements OpaqueTokenIntrospector {

  private final ApiTokenService tokens;

  ApiTokenIntrospector(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @Override
  public OAuth2AuthenticatedPrincipal introspect(String token) {
    User user =
        tokens
            .authenticate(token)
            .orElseThrow(
                () -> new BadOpaqueTokenException("The token is unknown, revoked or expired."));
    String[] authorities = PortalUserDetailsService.authorities(user.role());
    return new DefaultOAuth2AuthenticatedPrincipal(
        user.username(),
        Map.of("sub", user.username(), "roles", Arrays.asList(authorities)),
        AuthorityUtils.createAuthorityList(authorities));
  }
}
