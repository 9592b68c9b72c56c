package org.workspaceportal.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Turns Spring Security's sign-in events into the portal's own: {@link IdentityEvents.LoginFailed}
 * and {@link IdentityEvents.SignedIn}. A presented bearer token is a secret even when it is wrong
 * (it may be a revoked or mistyped real one), so only its first characters are ever recorded.
 */
@Component
class LoginFailureListener {

  private static final int TOKEN_SHOWN = ApiTokenService.TOKEN_PREFIX.length() + 6;

  private final ApplicationEventPublisher events;

  LoginFailureListener(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent failure) {
    if (failure.getException() instanceof ProviderNotFoundException) {
      return; // a second event for the same attempt, from a manager that had no provider for it
    }
    Authentication attempt = failure.getAuthentication();
    String address =
        attempt.getDetails() instanceof WebAuthenticationDetails web
            ? web.getRemoteAddress()
            : null;
    String who;
    String reason;
    if (attempt instanceof BearerTokenAuthenticationToken bearer) {
      who = "token " + redact(bearer.getToken());
      reason = "invalid API token";
    } else {
      who = truncate(String.valueOf(attempt.getName()));
      reason = failure.getException().getClass().getSimpleName();
    }
    events.publishEvent(new IdentityEvents.LoginFailed(who, address, reason));
  }

  /** A sign-in on the login page (not each API or Basic request, which would drown the trail). */
  @EventListener
  void on(InteractiveAuthenticationSuccessEvent success) {
    Authentication auth = success.getAuthentication();
    String address =
        auth.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    String how =
        auth instanceof UsernamePasswordAuthenticationToken ? "password" : "single sign-on";
    events.publishEvent(new IdentityEvents.SignedIn(truncate(auth.getName()), address, how));
  }

  static String redact(String token) {
    return token == null
        ? "?"
        : (token.length() <= TOKEN_SHOWN ? "…" : token.substring(0, TOKEN_SHOWN) + "…");
  }

  private static String truncate(String s) {
    return s.length() > 64 ? s.substring(0, 64) : s;
  }
}
