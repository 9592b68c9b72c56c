package org.workspaceportal.workspace.lifetime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The time rules of expiry, for the expiry task and the pages alike (templates call it as {@code
 * @expiry}). A workspace without an expiry never expires.
 */
@Component("expiry")
public class ExpiryRules {

  private final ExpiryProperties properties;
  private final Supplier<Duration> keepStoppedFor;
  private final Supplier<Duration> keepStoppedForOnPages;
  private final Clock clock;

  /** With the admin setting: fresh for the expiry task, a recent copy for the pages. */
  @Autowired
  public ExpiryRules(ExpiryProperties properties, ExpirySettings settings, Clock clock) {
    this(properties, settings::keepStoppedFor, settings::keepStoppedForCached, clock);
  }

  public ExpiryRules(
      ExpiryProperties properties,
      Supplier<Duration> keepStoppedFor,
      Supplier<Duration> keepStoppedForOnPages,
      Clock clock) {
    this.properties = properties;
    this.keepStoppedFor = keepStoppedFor;
    this.keepStoppedForOnPages = keepStoppedForOnPages;
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

  /**
   * When an expired workspace is deleted unless an extension is approved before (by the admin
   * setting as read at most a few seconds ago: pages call this once per workspace they list).
   */
  public Instant deletedAt(Instant expiresAt) {
    return expiresAt == null ? null : expiresAt.plus(keepStoppedForOnPages.get());
  }

  /**
   * The expiry before which a workspace has been expired long enough to be deleted now, by the
   * admin setting as it is in the database now.
   */
  Instant deleteExpiredBefore() {
    return clock.instant().minus(keepStoppedFor.get());
  }
}
