package org.workspaceportal.identity;

import org.springframework.security.core.Authentication;

/** The authenticated person or script acting in a request, as other modules need to know it. */
public record CurrentUser(String username, boolean admin) {

  public static CurrentUser of(Authentication authentication) {
    boolean admin =
        authentication.getAuthorities().stream()
            .anyMatch(a -> Role.ADMIN.authority().equals(a.getAuthority()));
    return new CurrentUser(authentication.getName(), admin);
  }

  /** True when this user may see and act on something owned by {@code owner}. */
  public boolean mayAccess(String owner) {
    return admin || username.equals(owner);
  }
}
