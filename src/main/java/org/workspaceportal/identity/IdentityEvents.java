package org.workspaceportal.identity;

/** Events the identity module publishes; the audit trail listens to them. */
public final class IdentityEvents {

  private IdentityEvents() {}

  public record UserCreated(String username, Role role, String actor) {}

  public record UserEnabledChanged(String username, boolean enabled, String actor) {}

  public record UserQuotaChanged(
      String username, Integer maxWorkspaces, Integer maxWorkers, String actor) {}

  /** An admin made a user an admin, or an admin a user. */
  public record UserRoleChanged(String username, Role before, Role after, String actor) {}

  /**
   * A password was changed: by its user ({@code actor} is the user) or reset by an admin. The
   * user's other browser sessions end at their next request.
   */
  public record PasswordChanged(String username, String actor) {}

  /**
   * A browser sign-in went through.
   *
   * @param how {@code password} (the login page) or {@code single sign-on}
   */
  public record SignedIn(String username, String remoteAddress, String how) {}

  /**
   * A team was made, changed or deleted.
   *
   * @param action {@code team.created}, {@code team.changed} or {@code team.deleted}
   * @param detail what it is (and was)
   */
  public record TeamChanged(String team, String action, String detail, String actor) {}

  public record ApiTokenCreated(String username, String tokenName, String prefix) {}

  public record ApiTokenRevoked(String username, String tokenName, String actor) {}

  public record LoginFailed(String username, String remoteAddress, String reason) {}

  /** A sign-in refused without checking the password: too many failures lately. */
  public record LoginThrottled(String username, String remoteAddress, long retryAfterSeconds) {}
}
