package org.workspaceportal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.HttpApi.Reply;
import org.workspaceportal.identity.IdentityFixtures.Account;
import org.workspaceportal.testsupport.OidcProviderProcess;
import org.workspaceportal.testsupport.PortalProcess;

/**
 * The whole REST matrix again, with the provider's own access tokens instead of portal tokens: the
 * owner, the other user and the admin are people of a real OpenID Connect provider (the project's
 * Spring Authorization Server, started as a process) who signed in to the portal through it once
 * (their accounts linked to its subjects), each calling with an access token the provider issued to
 * a script of hers for the portal ({@code portal.sso.api-access-tokens}). Every row must give what
 * it gives with portal tokens: a provider token carries no more and no less than the person's
 * portal role.
 */
class ProviderTokenMatrixTest extends ApiAuthorizationMatrixTest {

  private static final String CLIENT_ID = "workspace-portal";
  private static final String CLIENT_SECRET = "matrix-client-secret";
  private static final int PROVIDER_PORT = PortalProcess.freePort();

  private OidcProviderProcess provider;
  private Map<Actor, Auth> tokens;

  @DynamicPropertySource
  static void singleSignOn(DynamicPropertyRegistry registry) {
    // discovery is lazy: the provider may start after this context, in providerTokens()
    registry.add("portal.sso.enabled", () -> "true");
    registry.add("portal.sso.issuer-uri", () -> "http://127.0.0.1:" + PROVIDER_PORT);
    registry.add("portal.sso.client-id", () -> CLIENT_ID);
    registry.add("portal.sso.client-secret", () -> CLIENT_SECRET);
    registry.add("portal.sso.api-access-tokens", () -> "true");
  }

  @BeforeAll
  void providerTokens() {
    provider =
        OidcProviderProcess.start(
            "matrix-provider",
            PROVIDER_PORT,
            Map.of(
                "PROVIDER_PORTAL_URL",
                "http://localhost:" + port,
                "PROVIDER_CLIENT_ID",
                CLIENT_ID,
                "PROVIDER_CLIENT_SECRET",
                CLIENT_SECRET,
                "provider",
                Map.of("users", List.of(person(owner), person(other), person(admin)))),
            Duration.ofMinutes(2));
    tokens =
        Map.of(
            Actor.ANONYMOUS, Auth.NONE,
            Actor.OWNER, tokenOf(owner),
            Actor.OTHER_USER, tokenOf(other),
            Actor.ADMIN, tokenOf(admin));
  }

  @AfterAll
  void stopProvider() {
    if (provider != null) {
      provider.close();
    }
  }

  @Override
  Auth auth(Actor actor) {
    return tokens.get(actor);
  }

  @Test
  void theTokensAreTheProvidersNotThePortals() {
    Reply mine = api.get("/api/v1/workspaces", tokens.get(Actor.OWNER));
    assertThat(mine.status()).isEqualTo(200);
    String token = tokens.get(Actor.OWNER).credentials();
    assertThat(token.split("\\.")).as("a JWT: header, claims, signature").hasSize(3);
    assertThat(token).isNotEqualTo(owner.bearer().credentials());
  }

  /**
   * Replaces the portal-token matrix's check of the same name: a person linked to the provider has
   * no portal password, so HTTP Basic with the local one she had is refused; her script makes its
   * portal token with the provider's access token instead.
   */
  @Override
  @Test
  void httpBasicIsAcceptedOnlyToCreateAToken() {
    Reply basic = api.post("/api/v1/tokens", other.basic(), Map.of("name", "via basic"));
    Reply withProviderToken =
        api.post("/api/v1/tokens", tokens.get(Actor.OTHER_USER), Map.of("name", "via provider"));

    assertThat(basic.status()).isEqualTo(401);
    assertThat(withProviderToken.status()).isEqualTo(201);
    assertThat(withProviderToken.json().path("token").asString()).startsWith("wsp_");
  }

  /** A person of the provider with the account's username, and that account linked to her. */
  private Map<String, Object> person(Account account) {
    jdbc.update(
        "update users set sso_issuer = ?, sso_subject = ? where username = ?",
        "http://127.0.0.1:" + PROVIDER_PORT,
        account.username(),
        account.username());
    return Map.of(
        "username", account.username(),
        "password", password(account),
        "name", account.username(),
        "email", account.username() + "@example.org",
        "groups", List.of(),
        "enabled", true);
  }

  private Auth tokenOf(Account account) {
    return Auth.bearer(
        provider.accessToken(
            account.username(),
            password(account),
            CLIENT_ID,
            CLIENT_SECRET,
            "http://localhost:" + port + "/login/oauth2/code/sso"));
  }

  private static String password(Account account) {
    return "provider-" + account.username();
  }
}
