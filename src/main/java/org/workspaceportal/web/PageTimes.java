package org.workspaceportal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times as pages show them: relative ("3 minutes ago", "in 5 days") with the exact UTC time for a
 * tooltip, and durations in words. Templates call it as {@code @times}; {@code /js/portal.js} keeps
 * open pages' relative times current with the same rules.
 */
public class PageTimes {

  private static final DateTimeFormatter EXACT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private final Clock clock;

  PageTimes(Clock clock) {
    this.clock = clock;
  }

  /** "2026-01-02 03:04:05 UTC". */
  public String exact(Instant t) {
    return t == null ? "" : EXACT.format(t);
  }

  /** "Fri 11 Dec 2026, 19:00 UTC": a date people read as a deadline. */
  public String day(Instant t) {
    return t == null ? "" : DAY.format(t);
  }

  /** "19:19 UTC": the time of day, for "since 19:19 UTC" beside a relative time. */
  public String clock(Instant t) {
    return t == null ? "" : CLOCK.format(t);
  }

  /** "just now", "5 minutes ago", "in 3 days", "2 months ago". */
  public String relative(Instant t) {
    if (t == null) {
      return "";
    }
    long seconds = Duration.between(clock.instant(), t).toSeconds();
    boolean future = seconds > 0;
    String span = span(Math.abs(seconds));
    if (span == null) {
      return future ? "in a moment" : "just now";
    }
    return future ? "in " + span : span + " ago";
  }

  /** How long something took, for people: "850 ms", "12 s", "2 min 5 s", "1 h 3 min". */
  public String duration(Long millis) {
    if (millis == null) {
      return "";
    }
    if (millis < 1000) {
      return millis + " ms";
    }
    long s = Math.round(millis / 1000.0);
    if (s < 60) {
      return millis < 10_000 ? String.format("%.1f s", millis / 1000.0) : s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
  }

  /** The rounded span, or null for under 45 s (the thresholds people expect from chat and mail). */
  static String span(long seconds) {
    double minutes = seconds / 60.0;
    double hours = minutes / 60;
    double days = hours / 24;
    if (seconds < 45) {
      return null;
    }
    if (seconds < 90) {
      return "1 minute";
    }
    if (minutes < 45) {
      return Math.round(minutes) + " minutes";
    }
    if (minutes < 90) {
      return "1 hour";
    }
    if (hours < 22) {
      return Math.round(hours) + " hours";
    }
    if (hours < 36) {
      return "1 day";
    }
    if (days < 26) {
      return Math.round(days) + " days";
    }
    if (days < 45) {
      return "1 month";
    }
    if (days < 320) {
      return Math.round(days / 30.44) + " months";
    }
    if (days < 548) {
      return "1 year";
    }
    return Math.round(days / 365.25) + " years";
  }
}
