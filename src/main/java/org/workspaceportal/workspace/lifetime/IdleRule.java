package org.workspaceportal.workspace.lifetime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.workspaceportal.workspace.runtime.Activity;

/**
 * When a running workspace counts as idle: its notebook answered, saw no kernel, terminal or API
 * activity for at least the template's idle time and has no browser connected, and its Spark master
 * answered with no application running. An idle kernel does not keep a workspace alive; a running
 * Spark application (a notebook's open Spark session is one) or an open browser tab does. Anything
 * that does not answer is not idle: that is the reconciler's business, not a reason to stop.
 */
final class IdleRule {

  private IdleRule() {}

  /**
   * How long it has been idle, when that is long enough to stop it.
   *
   * @param activity null when the notebook or the master did not answer
   */
  static Optional<Duration> idleLongEnough(Activity activity, Duration idleAfter, Instant now) {
    if (activity == null || activity.applications() != 0 || activity.connections() > 0) {
      return Optional.empty();
    }
    Duration idle = Duration.between(activity.lastActivity(), now);
    return idle.compareTo(idleAfter) >= 0 ? Optional.of(idle) : Optional.empty();
  }

  /** "2 h", "1 h 30 min", "45 min", "20 s": how long, for the note on the workspace's page. */
  static String words(Duration d) {
    long s = Math.max(d.toSeconds(), 0);
    if (s < 60) {
      return s + " s";
    }
    long minutes = s / 60;
    if (minutes < 60) {
      return minutes + " min";
    }
    return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
  }
}
