package org.workspaceportal.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps a browser session with its account as it is at sign-in ({@link AccountSessions}), so that
 * a password or role changed before its next request already ends it.
 */
@Component
class SignInStamp {

  private final UserDetailsService users;

  SignInStamp(UserDetailsService users) {
    this.users = users;
  }

  @EventListener
  void on(InteractiveAuthenticationSuccessEvent success) {
    if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes web)) {
      return;
    }
    HttpSession session = web.getRequest().getSession(false);
    if (session == null) {
      return;
    }
    try {
      AccountSessions.stamp(
          session, users.loadUserByUsername(success.getAuthentication().getName()));
    } catch (UsernameNotFoundException notLocal) {
      // a single sign-on user without a local account: nothing local can change under them
    }
  }
}
