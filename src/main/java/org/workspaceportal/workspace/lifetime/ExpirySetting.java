package org.workspaceportal.workspace.lifetime;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an expired, stopped workspace is kept before it is deleted with its retention choice.
 *
 * @param keepStoppedFor what applies now: the admin's value, or else the default
 * @param savedDays the admin's value in days, or null when the default applies
 * @param defaultKeepStoppedFor the configured default ({@code
 *     portal.workspace.expiry.keep-stopped-for})
 * @param changedBy who changed it last (also to the default), or null when nobody has
 * @param changedAt when it was changed last, or null
 */
public record ExpirySetting(
    Duration keepStoppedFor,
    Integer savedDays,
    Duration defaultKeepStoppedFor,
    String changedBy,
    Instant changedAt) {

  /** The smallest and largest number of days an admin may save. */
  public static final int MIN_DAYS = 1;

  public static final int MAX_DAYS = 365;

  /** No admin value: the configured default applies. */
  public boolean isDefault() {
    return savedDays == null;
  }

  /** {@link #keepStoppedFor()} for people: "14 days", "1 day", or "36 hours" for a default. */
  public String keepStoppedForText() {
    return text(keepStoppedFor);
  }

  public String defaultText() {
    return text(defaultKeepStoppedFor);
  }

  /** A whole number of days, or null when the default is not one. */
  public Long keepStoppedForDays() {
    return wholeDays(keepStoppedFor);
  }

  static Long wholeDays(Duration d) {
    return d.equals(Duration.ofDays(d.toDays())) ? d.toDays() : null;
  }

  static String text(Duration d) {
    Long days = wholeDays(d);
    if (days != null) {
      return days + (days == 1 ? " day" : " days");
    }
    if (d.equals(Duration.ofHours(d.toHours()))) {
      return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
    }
    return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
  }
}
