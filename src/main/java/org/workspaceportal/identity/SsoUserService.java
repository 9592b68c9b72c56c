package org.workspaceportal.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns the person the provider signed in into a portal user: the provider's own checks first
 * (Spring Security's {@link OidcUserService}: the ID token's signature, issuer, audience, expiry
 * and nonce, then the UserInfo endpoint), then {@link SsoAccounts} (made or refreshed, the role
 * from the groups claim). The signed-in principal's name is her portal username and her authorities
 * are the portal's roles, so every page, the gateway and the audit see her as they see a local
 * user. A group the portal does not know is simply no admin group.
 */
final class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  /** What a browser session signed in through the provider holds besides its roles. */
  static final String AUTHORITY = "SINGLE_SIGN_ON";

  private final OidcUserService provider = new OidcUserService();
  private final SsoAccounts accounts;
  private final SsoProperties properties;

  SsoUserService(SsoAccounts accounts, SsoProperties properties) {
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser signedIn = provider.loadUser(request);
    Map<String, Object> claims = signedIn.getClaims();
    Set<String> groups = strings(claims.get(properties.groupsClaim()));
    boolean admin = properties.adminGroups().stream().anyMatch(groups::contains);
    UserAccount account;
    try {
      account =
          accounts.signedIn(
              new SsoAccounts.Claims(
                  signedIn.getIssuer().toString(),
                  signedIn.getSubject(),
                  text(claims.get(properties.usernameClaim())),
                  text(claims.get(properties.nameClaim())),
                  text(claims.get(properties.emailClaim())),
                  admin,
                  groups));
    } catch (SsoAccounts.Refused refused) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(refused.code(), refused.getMessage(), null), refused.getMessage());
    }
    List<GrantedAuthority> authorities =
        new java.util.ArrayList<>(
            AuthorityUtils.createAuthorityList(
                PortalUserDetailsService.authorities(account.role())));
    // pages tell her sign-in apart: no "Change password" for her
    authorities.add(new SimpleGrantedAuthority(AUTHORITY));
    return new PortalOidcUser(authorities, signedIn, account.username());
  }

  private static String text(Object claim) {
    return claim instanceof String s && !s.isBlank() ? s.strip() : null;
  }

  /** A groups claim is a list of names, or one name; anything else names no group. */
  static Set<String> strings(Object claim) {
    Stream<?> values =
        claim instanceof Collection<?> many
            ? many.stream()
            : claim instanceof String one ? Stream.of(one) : Stream.empty();
    return values
        .filter(Objects::nonNull)
        .map(Object::toString)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The provider's user under her portal username. */
  static final class PortalOidcUser extends DefaultOidcUser {
    private final String username;

    PortalOidcUser(
        Collection<? extends GrantedAuthority> authorities, OidcUser signedIn, String username) {
      super(authorities, signedIn.getIdToken(), signedIn.getUserInfo(), "sub");
      this.username = username;
    }

    @Override
    public String getName() {
      return username;
    }

    @Override
    public boolean equals(Object other) {
      return super.equals(other)
          && other instanceof PortalOidcUser that
          && username.equals(that.username);
    }

    @Override
    public int hashCode() {
      return 31 * super.hashCode() + username.hashCode();
    }
  }
}
