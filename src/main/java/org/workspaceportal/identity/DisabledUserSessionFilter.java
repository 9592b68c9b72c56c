package org.workspaceportal.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session as soon as its user is disabled or removed, or their password or role
 * changed since the session signed in: tokens and passwords are checked on every request anyway, a
 * signed-in session otherwise would not be until it expired. A session carries a stamp of the
 * account as it was when the session first used it ({@link AccountSessions}).
 */
class DisabledUserSessionFilter extends OncePerRequestFilter {

  private final UserDetailsService users;

  DisabledUserSessionFilter(UserDetailsService users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken)
        && request.getSession(false) != null) {
      HttpSession session = request.getSession(false);
      UserDetails now = current(auth.getName());
      String ended =
          now == null || !now.isEnabled()
              ? "disabled"
              : (AccountSessions.stillCurrent(session, now) ? null : "changed");
      if (ended != null) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        response.sendRedirect(request.getContextPath() + "/login?" + ended);
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private UserDetails current(String username) {
    try {
      return users.loadUserByUsername(username);
    } catch (UsernameNotFoundException gone) {
      return null;
    }
  }
}
