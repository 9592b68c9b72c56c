package org.workspaceportal.identity;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.workspaceportal.HttpApi.Auth;
import org.workspaceportal.PortalIntegrationTest;

/**
 * Users and API tokens for tests: every name is unique, so tests never depend on what else is in
 * the database.
 */
public final class IdentityFixtures {

  public static final String PASSWORD = "correct-horse-battery";

  private IdentityFixtures() {}

  /** A username valid for {@link NewUser}: {@code prefix-xxxxxxxx}. */
  public static String uniqueUsername(String prefix) {
    return prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
  }

  /**
   * Creates a user with {@link #PASSWORD} whose quota leaves room for many workspaces (a hundred,
   * with a thousand workers), for tests that request them by the dozen.
   */
  public static CurrentUser userWithRoom(IdentityService identity, String prefix) {
    String username = uniqueUsername(prefix);
    identity.createUser(new NewUser(username, PASSWORD, Role.USER), "test-fixture");
    identity.setQuota(username, 100, 1000, "test-fixture");
    return new CurrentUser(username, false);
  }

  /** Creates a user with {@link #PASSWORD} and a bearer token, directly through the services. */
  public static Account newAccount(
      IdentityService identity, ApiTokenService tokens, Role role, String prefix) {
    String username = uniqueUsername(prefix);
    identity.createUser(new NewUser(username, PASSWORD, role), "test-fixture");
    NewApiToken token = tokens.create(username, "fixture token", null);
    return new Account(username, PASSWORD, token.token(), token.id());
  }

  /**
   * The admin that {@code AdminBootstrap} created from the test properties ({@link
   * PortalIntegrationTest#ADMIN_USERNAME}). When a test runs alone outside Surefire (an IDE without
   * the pom's system properties) and the bootstrap used other values, the same admin is created
   * here so the tests still run.
   */
  public static void ensureBootstrapAdmin(IdentityService identity) {
    if (identity.findUser(PortalIntegrationTest.ADMIN_USERNAME).isEmpty()) {
      identity.createUser(
          new NewUser(
              PortalIntegrationTest.ADMIN_USERNAME,
              PortalIntegrationTest.ADMIN_PASSWORD,
              Role.ADMIN),
          "test-fixture");
    }
  }

  /** A user as {@link IdentityService} lists it. */
  public static UserAccount account(
      String username, Role role, boolean enabled, Integer maxWorkspaces, Integer maxWorkers) {
    return new UserAccount(
        UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)),
        username,
        role,
        enabled,
        maxWorkspaces,
        maxWorkers,
        Instant.parse("2026-01-01T09:00:00Z"));
  }

  /** A user as tests act with it. */
  public record Account(String username, String password, String token, UUID tokenId) {

    public Auth bearer() {
      return Auth.bearer(token);
    }

    public Auth basic() {
      return Auth.basic(username, password);
    }

    public CurrentUser asUser() {
      return new CurrentUser(username, false);
    }

    public CurrentUser asAdmin() {
      return new CurrentUser(username, true);
    }
  }
}
