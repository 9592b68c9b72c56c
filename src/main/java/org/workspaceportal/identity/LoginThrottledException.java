package org.workspaceportal.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this username or from this address: try again after a while. */
class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  LoginThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins; try again in " + retryAfter.toSeconds() + " seconds.");
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, at least one, as {@code Retry-After} wants them. */
  long retryAfterSeconds() {
    return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }
}
