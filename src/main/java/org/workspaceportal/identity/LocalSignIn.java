package org.workspaceportal.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may sign in with a password (the login form, HTTP Basic for a script's first token). Without
 * single sign-on, every local user. With it: never a person the provider signs in (the portal made
 * her a password nobody knows), and where {@code portal.sso.local-login} is false only the first
 * admin ({@code portal.identity.admin-username}), the break-glass account for when the provider is
 * down.
 */
@Component
class LocalSignIn {

  private final SsoProperties sso;
  private final SsoAccounts accounts;
  private final String breakGlass;

  LocalSignIn(
      SsoProperties sso,
      SsoAccounts accounts,
      @Value("${portal.identity.admin-username:admin}") String breakGlass) {
    this.sso = sso;
    this.accounts = accounts;
    this.breakGlass = breakGlass;
  }

  boolean allows(String username) {
    if (!sso.enabled()) {
      return true;
    }
    if (accounts.linkedToProvider(username)) {
      return false;
    }
    return sso.localLogin() || breakGlass.equals(username);
  }

  /** The login page offers the username and password form. */
  boolean formOffered() {
    return !sso.enabled() || sso.localLogin();
  }
}
