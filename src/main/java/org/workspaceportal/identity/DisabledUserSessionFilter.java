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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session as soon as its user is disabled or removed: tokens and passwords are
 * checked on every request anyway, a signed-in session otherwise would not be until it expired.
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
        && request.getSession(false) != null
        && !stillEnabled(auth.getName())) {
      HttpSession session = request.getSession(false);
      session.invalidate();
      SecurityContextHolder.clearContext();
      response.sendRedirect(request.getContextPath() + "/login?disabled");
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean stillEnabled(String username) {
    try {
      return users.loadUserByUsername(username).isEnabled();
    } catch (UsernameNotFoundException gone) {
      return false;
    }
  }
}
