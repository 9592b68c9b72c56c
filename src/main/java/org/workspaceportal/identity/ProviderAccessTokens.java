package org.workspaceportal.identity;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The provider's access tokens (JWTs) on the REST API, where {@code portal.sso.api-access-tokens}
 * is on ({@link SsoConfiguration}), as scripts get them from the provider for any API of the site.
 * Such a token must be signed by the provider (its JWKS, from discovery), name the provider as
 * issuer, be unexpired and name the portal in its audience ({@code portal.sso.audience}, default
 * the portal's client id); its subject must be a person who has signed in to the portal through the
 * provider at least once and whom the portal has not disabled. She then acts with her portal role,
 * as with a personal token.
 */
final class ProviderAccessTokens {

  private final SsoProperties sso;
  private final SsoRegistrations registrations;
  private final UserRepository users;
  private volatile AuthenticationManager manager;

  ProviderAccessTokens(SsoProperties sso, SsoRegistrations registrations, UserRepository users) {
    this.sso = sso;
    this.registrations = registrations;
    this.users = users;
  }

  /** The manager that checks them, made with the provider's keys once it answers. */
  AuthenticationManager manager(Function<AuthenticationProvider, AuthenticationManager> audited) {
    AuthenticationManager known = manager;
    if (known != null) {
      return known;
    }
    ClientRegistration registration = registrations.registration();
    if (registration == null) {
      // no decoder without the provider's keys: refuse this token, try again with the next one
      return attempt -> {
        throw new InvalidBearerTokenException(
            "The sign-in service cannot be reached to check this token; try again later.");
      };
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(registration.getProviderDetails().getJwkSetUri()).build();
    OAuth2TokenValidator<Jwt> audience = this::forThePortal;
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(sso.issuer()), audience));
    JwtAuthenticationProvider jwts = new JwtAuthenticationProvider(checked(decoder));
    jwts.setJwtAuthenticationConverter(this::asPortalUser);
    manager = audited.apply(jwts);
    return manager;
  }

  private OAuth2TokenValidatorResult forThePortal(Jwt jwt) {
    List<String> audience = jwt.getAudience();
    return audience != null && audience.contains(sso.audienceOrClientId())
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(
            new OAuth2Error(
                "invalid_token",
                "The token is not for this portal (its audience lacks "
                    + sso.audienceOrClientId()
                    + ").",
                null));
  }

  /** A decoder whose failures read as "invalid token" (401), never as a server error. */
  private static JwtDecoder checked(JwtDecoder decoder) {
    return token -> {
      try {
        return decoder.decode(token);
      } catch (JwtException e) {
        throw new org.springframework.security.oauth2.jwt.BadJwtException(e.getMessage(), e);
      }
    };
  }

  private AbstractAuthenticationToken asPortalUser(Jwt jwt) {
    Optional<User> user =
        users.findBySsoIssuerAndSsoSubject(sso.issuer(), jwt.getSubject()).filter(User::enabled);
    if (user.isEmpty()) {
      throw new InvalidBearerTokenException(
          "The token's subject has no enabled portal account: sign in to the portal through the"
              + " sign-in service once first.");
    }
    return new JwtAuthenticationToken(
        jwt,
        AuthorityUtils.createAuthorityList(PortalUserDetailsService.authorities(user.get().role())),
        user.get().username());
  }
}
