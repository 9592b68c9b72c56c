package org.workspaceportal.workspace;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The time rules of expiry, for the expiry task and the pages alike (templates call it as {@code
 * @expiry}). A workspace without an expiry never expires.
 */
@Component("expiry")
public class ExpiryRules {

  private final ExpiryProperties properties;
  private final Clock clock;

  ExpiryRules(ExpiryProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Its expiry has passed. */
  public boolean expired(Instant expiresAt) {
    return expiresAt != null && !expiresAt.isAfter(clock.instant());
  }

  /** It expires within the warning time, and has not yet. */
  public boolean expiresSoon(Instant expiresAt) {
    return expiresAt != null
        && !expired(expiresAt)
        && !expiresAt.isAfter(clock.instant().plus(properties.warnAhead()));
  }

  /** When an expired workspace is deleted unless an extension is approved before. */
  public Instant deletedAt(Instant expiresAt) {
    return expiresAt == null ? null : expiresAt.plus(properties.keepStoppedFor());
  }

  /** The expiry before which a workspace has been expired long enough to be deleted now. */
  Instant deleteExpiredBefore() {
    return clock.instant().minus(properties.keepStoppedFor());
  }
}
