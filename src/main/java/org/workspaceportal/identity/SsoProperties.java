package org.workspaceportal.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on with the site's OpenID Connect provider ({@code portal.sso.*}). The provider's
 * endpoints come from its discovery document ({@code <issuer>/.well-known/openid-configuration}),
 * read when someone first signs in with it, not at start: a provider that is down keeps no one from
 * starting the portal or from signing in locally.
 *
 * @param enabled offer "Sign in with …" on the login page
 * @param issuerUri the provider's issuer, exactly as its tokens name it (e.g. {@code
 *     https://keycloak.example.com/realms/data})
 * @param clientId the portal's client id at the provider
 * @param clientSecret its secret (client_secret_basic)
 * @param scopes what the portal asks for; {@code openid} always
 * @param usernameClaim the claim that becomes the portal username at first sign-in (lowercase
 *     letters, digits, {@code . _ -}, 3 to 64, starting with a letter); the account stays linked to
 *     the provider's subject afterwards
 * @param nameClaim the person's name, shown on the Users page
 * @param emailClaim her e-mail
 * @param groupsClaim a list of group names (or one string)
 * @param adminGroups members of any of these groups are ADMIN, everyone else USER; decided at each
 *     sign-in, so a change in the directory takes effect at the next one
 * @param buttonLabel the login page's button
 * @param localLogin false: the login page offers only the provider, and a password signs in only
 *     the first admin ({@code portal.identity.admin-username}, the break-glass account)
 * @param discoveryTimeout how long the discovery request may take before the provider counts as
 *     down
 * @param discoveryRetry after a failed discovery, how long the portal answers "the provider does
 *     not answer" from memory before it asks the provider again: a provider that is down costs each
 *     sign-in attempt nothing, instead of a wait of up to {@code discoveryTimeout} in a queue
 * @param apiAccessTokens the REST API also takes the provider's access tokens (JWTs) of people who
 *     signed in to the portal through it once ({@link BearerTokens})
 * @param audience what such a token's {@code aud} must contain; default the client id
 */
@Validated
@ConfigurationProperties("portal.sso")
record SsoProperties(
    boolean enabled,
    URI issuerUri,
    String clientId,
    String clientSecret,
    @DefaultValue({"openid", "profile", "email"}) Set<String> scopes,
    @DefaultValue("preferred_username") String usernameClaim,
    @DefaultValue("name") String nameClaim,
    @DefaultValue("email") String emailClaim,
    @DefaultValue("groups") String groupsClaim,
    @DefaultValue({}) List<String> adminGroups,
    @DefaultValue("Sign in with single sign-on") String buttonLabel,
    @DefaultValue("true") boolean localLogin,
    @DefaultValue("5s") java.time.Duration discoveryTimeout,
    @DefaultValue("30s") java.time.Duration discoveryRetry,
    boolean apiAccessTokens,
    String audience) {

  SsoProperties {
    if (enabled) {
      if (issuerUri == null || !issuerUri.isAbsolute()) {
        throw new IllegalArgumentException(
            "portal.sso.issuer-uri must be the provider's absolute issuer URL when portal.sso.enabled"
                + " is true");
      }
      if (!StringUtils.hasText(clientId) || !StringUtils.hasText(clientSecret)) {
        throw new IllegalArgumentException(
            "portal.sso.client-id and portal.sso.client-secret are required when portal.sso.enabled"
                + " is true");
      }
    }
  }

  String audienceOrClientId() {
    return StringUtils.hasText(audience) ? audience : clientId;
  }

  /** The issuer as tokens carry it: no trailing slash added or removed. */
  String issuer() {
    return issuerUri.toString();
  }

  @Override
  public String toString() {
    return "SsoProperties[enabled="
        + enabled
        + ", issuerUri="
        + issuerUri
        + ", clientId="
        + clientId
        + ", adminGroups="
        + adminGroups
        + ", localLogin="
        + localLogin
        + "]";
  }
}
