package org.workspaceportal.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Turns Spring Security's failure events into the portal's own {@link IdentityEvents.LoginFailed}. */
@Component
class LoginFailureListener {

  private final ApplicationEventPublisher events;

  LoginFailureListener(ApplicationEventPublisher events) {
    this.events = events;
  }

  @EventListener
  void on(AbstractAuthenticationFailureEvent failure) {
    Object details = failure.getAuthentication().getDetails();
    String address = details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    String name = String.valueOf(failure.getAuthentication().getName());
    events.publishEvent(new IdentityEvents.LoginFailed(truncate(name), address, failure.getException().getClass().getSimpleName()));
  }

  private static String truncate(String s) {
    return s.length() > 64 ? s.substring(0, 64) : s;
  }
}
